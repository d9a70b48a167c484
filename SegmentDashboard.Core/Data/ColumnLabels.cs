using System.Globalization;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Readable labels for headers, used in segment names and playbooks: <c>MntWines</c> becomes
/// "wine spend", <c>NumCatalogPurchases</c> "catalog purchases", <c>Recency</c> "days since last
/// order", <c>QUANTITYORDERED</c> "quantity ordered".
/// </summary>
public static class ColumnLabels
{
    private static readonly Dictionary<string, string> KnownLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["recency"] = "days since last order",
        ["quantityordered"] = "quantity ordered",
        ["priceeach"] = "unit price",
        ["unitprice"] = "unit price",
        ["productline"] = "product line",
        ["ordernumber"] = "order number",
        ["invoiceno"] = "invoice number",
        ["customername"] = "customer name",
        ["kidhome"] = "children at home",
        ["teenhome"] = "teenagers at home",
        ["dt customer"] = "customer since",
    };

    /// <summary>The readable label; the header in lower-case words when no rule knows it.</summary>
    public static string Readable(string name) =>
        Known(name) ?? FeatureConcepts.Friendly(name).ToLower(CultureInfo.InvariantCulture);

    /// <summary>The label from the lexicon (<c>MntWines</c>: "wine spend"), or null when the header has no rule.</summary>
    public static string? Known(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = FeatureConcepts.Words(name);
        if (words.Length == 0)
        {
            return null;
        }

        var key = string.Join(' ', words);
        if (KnownLabels.TryGetValue(key, out var known) || KnownLabels.TryGetValue(string.Concat(words), out known))
        {
            return known;
        }

        if (words[0] == "mnt" && words.Length > 1)
        {
            return string.Join(' ', words.Skip(1).Select(Singular)) + " spend";
        }

        if (words[0] == "num" && words.Length > 1)
        {
            return string.Join(' ', words.Skip(1));
        }

        return null;
    }

    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
