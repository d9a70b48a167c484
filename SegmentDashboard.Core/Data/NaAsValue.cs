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

    /// <summary>True when <paramref name="column"/> holds the code <c>NA</c> as a value (a level of a categorical column).</summary>
    public static bool KeepsNa(Column column) =>
        column is CategoricalColumn categorical && categorical.Levels.Contains("NA");

    /// <summary>
    /// The dataset with <paramref name="column"/>'s <c>NA</c> read as missing (its meaning is
    /// inferred again from the remaining values, and its missing share counts the NAs); the column as read is kept in
    /// <see cref="Dataset.NaCodeColumns"/> so <see cref="TreatAsValue"/> can switch back.
    /// The dataset itself when the column keeps no <c>NA</c>.
    /// </summary>
    public static Dataset TreatAsMissing(Dataset dataset, string column)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var current = dataset[column];
        if (!KeepsNa(current))
        {
            return dataset;
        }

        return dataset.WithColumn(ToMissing(current)) with { NaCodeColumns = dataset.NaCodeColumns.SetItem(column, current) };
    }

    /// <summary>Switches <see cref="TreatAsMissing"/> back: the column as it was read, with <c>NA</c> as a value.</summary>
    public static Dataset TreatAsValue(Dataset dataset, string column)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _ = dataset[column];
        return dataset.NaCodeColumns.TryGetValue(column, out var original)
            ? dataset.WithColumn(original) with { NaCodeColumns = dataset.NaCodeColumns.Remove(column) }
            : dataset;
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
