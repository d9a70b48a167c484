using System.Globalization;
using System.Net;

namespace SegmentDashboard.Figures;

/// <summary>
/// Text that reaches Plotly labels and hover boxes. Plotly renders a subset of HTML in those, so
/// every CSV-derived string goes through <see cref="Encode"/> (CSV content is untrusted).
/// </summary>
public static class FigureText
{
    /// <summary>HTML-encoded, shortened to <paramref name="maxLength"/> characters.</summary>
    public static string Encode(string? value, int maxLength = 60)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value.Length > maxLength ? string.Concat(value.AsSpan(0, maxLength - 1), "…") : value;
        return WebUtility.HtmlEncode(text);
    }

    /// <summary>
    /// An encoded label broken into lines of at most <paramref name="lineLength"/> characters at
    /// spaces (Plotly's <c>&lt;br&gt;</c>; a longer word keeps its own line), so a segment name on a
    /// half-width chart's axis takes half the width.
    /// </summary>
    public static string Wrap(string encoded, int lineLength = 20)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && WebUtility.HtmlDecode(line).Length + 1 + WebUtility.HtmlDecode(word).Length > lineLength)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return string.Join("<br>", lines);
    }

    /// <summary>A number for people: invariant culture, no group separators, "n/a" when undefined.</summary>
    public static string Number(double value, int decimals = 2)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        // Round first so a tiny negative value prints as 0.0, not -0.0.
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A share as a percentage with one decimal ("34.2%").</summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>NaN and infinities become null so the JSON stays valid and Plotly leaves a gap.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Values for a Plotly.Blazor data array (<c>x</c>, <c>y</c>, <c>z</c>...): NaN and infinities as null.</summary>
    public static List<object> Numbers(IEnumerable<double> values) => values.Select(v => (object)Finite(v)!).ToList();

    /// <summary>
    /// Plot coordinates rounded to <paramref name="digits"/> significant digits (NaN and infinities
    /// as null): more than a chart can show, and a third of the bytes of a full double on the wire.
    /// </summary>
    public static List<object> Rounded(IEnumerable<double> values, int digits = 5) =>
        values.Select(v => (object)Finite(RoundSignificant(v, digits))!).ToList();

    /// <summary><paramref name="value"/> to <paramref name="digits"/> significant digits.</summary>
    public static double RoundSignificant(double value, int digits)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return value;
        }

        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return double.IsFinite(scale) && scale > 0 ? Math.Round(value * scale) / scale : value;
    }

    /// <summary>A finite number as Plotly.Blazor's decimal attributes take it (null when undefined or out of range).</summary>
    public static decimal? Decimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? (decimal)value : null;

    /// <summary>Values for a Plotly.Blazor data array, as they are (integers, strings).</summary>
    public static List<object> Values<T>(IEnumerable<T> values) => values.Select(v => (object)v!).ToList();
}
