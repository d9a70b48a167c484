using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// <c>NA</c> is usually "not available", but in a column of short upper-case codes (EMEA, APAC,
/// NA; US, DE, NA) it is a value: North America, Namibia. The loader keeps a written upper-case
/// <c>NA</c> apart (<see cref="Sentinel"/>) and decides per column once every value is read.
/// </summary>
public static class NaAsValue
{
    /// <summary>The value kept for a written <c>NA</c> until the column is decided (compared by reference).</summary>
    internal static readonly string Sentinel = new("NA".AsSpan());

    /// <summary>True for the exact bytes <c>NA</c> (upper case, surrounding blanks ignored).</summary>
    internal static bool IsUpperNa(ReadOnlySpan<byte> utf8)
    {
        utf8 = utf8.Trim(" \t"u8);
        return utf8.Length == 2 && utf8[0] == (byte)'N' && utf8[1] == (byte)'A';
    }

    /// <summary>
    /// Decides a column's written <c>NA</c>s in place: kept as the value "NA" when every other value
    /// is a short upper-case code (2–5 letters) and there are at least two such codes; missing
    /// otherwise. Returns how many were kept.
    /// </summary>
    internal static int Resolve(Span<string?> values)
    {
        var sentinels = 0;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var allCodes = true;
        foreach (var value in values)
        {
            if (ReferenceEquals(value, Sentinel))
            {
                sentinels++;
            }
            else if (value is not null && allCodes)
            {
                allCodes = IsCode(value) && (codes.Count < 1_000 || codes.Contains(value));
                codes.Add(value);
            }
        }

        if (sentinels == 0)
        {
            return 0;
        }

        var keep = allCodes && codes.Count >= 2;
        for (var i = 0; i < values.Length; i++)
        {
            if (ReferenceEquals(values[i], Sentinel))
            {
                values[i] = keep ? "NA" : null;
            }
        }

        return keep ? sentinels : 0;
    }

    /// <summary>The one-click switch back: the column with its "NA" level read as missing instead.</summary>
    public static Column ToMissing(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column is not CategoricalColumn categorical || categorical.Levels.IndexOf("NA") is var na && na < 0)
        {
            return column;
        }

        var levels = categorical.Levels.RemoveAt(na);
        var codes = categorical.Codes.Select(code => code == na ? -1 : code > na ? code - 1 : code).ToImmutableArray();
        return new CategoricalColumn(categorical.Name, codes, levels);
    }

    private static bool IsCode(string value)
    {
        var text = value.AsSpan().Trim();
        if (text.Length is < 2 or > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }
}
