using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Decides the <see cref="ColumnKind"/> of a finished column and builds it.
/// Numbers: 0/1 only (both present) is boolean; unique integers with no missing value are an
/// identifier when the name looks like an id (<c>id</c>, <c>Cus_ID</c>, <c>CustomerID</c>) or when
/// they are a row number (at least 20 values counting up by one in file order); anything else
/// stays numeric (so codes such as Channel 1/2 stay numbers). Strings, in order: boolean (Yes/No, Y/N, true/false),
/// date/time, identifier (unique, no missing, and an id-like name or at least 10 values shorter
/// than 30 characters on average), multi-valued (a separator other than the file's delimiter whose tokens repeat),
/// categorical, free text (more distinct values than <see cref="CsvLoadOptions.MaxCategoricalLevels"/>
/// and than half the values, or mostly distinct long strings).
/// </summary>
internal static class KindInference
{
    private static readonly (string True, string False)[] BooleanPairs = [("yes", "no"), ("y", "n"), ("true", "false")];

    private static readonly char[] MultiSeparators = [';', '|', ','];

    /// <summary>The column for <paramref name="array"/>, which it takes ownership of (no copy).</summary>
    public static Column FromNumbers(string name, double[] array)
    {
        if (IsZeroOne(array))
        {
            return new NumericColumn(name, ColumnKind.Boolean, ImmutableCollectionsMarshal.AsImmutableArray(array));
        }

        if (IsIntegerIdentifier(name, array))
        {
            var text = new string?[array.Length];
            for (var i = 0; i < array.Length; i++)
            {
                text[i] = array[i].ToString("R", CultureInfo.InvariantCulture);
            }

            return new TextColumn(name, ColumnKind.Identifier, ImmutableCollectionsMarshal.AsImmutableArray(text));
        }

        return new NumericColumn(name, ImmutableCollectionsMarshal.AsImmutableArray(array));
    }

    public static Column FromStrings(string name, ReadOnlySpan<string?> values, char delimiter, CsvLoadOptions options)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        long totalLength = 0;
        foreach (var value in values)
        {
            if (value is null)
            {
                missing++;
                continue;
            }

            totalLength += value.Length;
            CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        }

        var present = values.Length - missing;
        var array = values.ToArray();
        if (present == 0)
        {
            return new TextColumn(name, ColumnKind.Text, ImmutableCollectionsMarshal.AsImmutableArray(array));
        }

        if (TryBoolean(name, array, counts.Keys) is { } boolean)
        {
            return boolean;
        }

        if (DateParser.TryParseAll(counts.Keys) is { } dates)
        {
            var days = new double[array.Length];
            for (var i = 0; i < array.Length; i++)
            {
                days[i] = array[i] is { } value ? dates[value] : double.NaN;
            }

            return new NumericColumn(name, ColumnKind.DateTime, ImmutableCollectionsMarshal.AsImmutableArray(days));
        }

        var unique = missing == 0 && counts.Count == values.Length && values.Length >= 2;
        if (unique && (LooksLikeIdName(name) || (values.Length >= 10 && totalLength < 30L * values.Length)))
        {
            return new TextColumn(name, ColumnKind.Identifier, ImmutableCollectionsMarshal.AsImmutableArray(array));
        }

        if (TryMultiValued(name, array, counts, delimiter, options.MaxCategoricalLevels) is { } multi)
        {
            return multi;
        }

        var mostlyDistinct = counts.Count > present / 2.0;
        var longText = present >= 5 && totalLength >= 30L * present;
        if (mostlyDistinct && (counts.Count > options.MaxCategoricalLevels || longText))
        {
            return new TextColumn(name, ColumnKind.Text, ImmutableCollectionsMarshal.AsImmutableArray(array));
        }

        return Categorical(name, array, counts.Keys);
    }

    /// <summary>A categorical column with levels in ordinal order.</summary>
    public static CategoricalColumn Categorical(string name, IReadOnlyList<string?> values, IEnumerable<string> levels)
    {
        var sorted = levels.Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            index[sorted[i]] = i;
        }

        var codes = new int[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = values[i] is { } value ? index[value] : -1;
        }

        return new CategoricalColumn(name, ImmutableCollectionsMarshal.AsImmutableArray(codes), ImmutableCollectionsMarshal.AsImmutableArray(sorted));
    }

    public static bool LooksLikeIdName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals("id", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("#", StringComparison.Ordinal))
        {
            return true;
        }

        // CustomerID, CustomerId, Cus_ID, customer_id, customer id, id_customer.
        return trimmed.EndsWith("ID", StringComparison.Ordinal)
            || trimmed.EndsWith("Id", StringComparison.Ordinal)
            || trimmed.EndsWith("_id", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith(" id", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith("-id", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("id_", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsZeroOne(double[] values)
    {
        bool zero = false, one = false;
        foreach (var value in values)
        {
            if (value == 0)
            {
                zero = true;
            }
            else if (value == 1)
            {
                one = true;
            }
            else if (!double.IsNaN(value))
            {
                return false;
            }
        }

        return zero && one;
    }

    private static bool IsIntegerIdentifier(string name, double[] values)
    {
        if (values.Length < 2)
        {
            return false;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (double.IsNaN(value) || value != Math.Floor(value) || Math.Abs(value) > 1e15)
            {
                return false;
            }

            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        // A row number: at least 20 values counting up by one in file order.
        if (values.Length >= 20 && max - min == values.Length - 1)
        {
            var rowNumber = true;
            for (var i = 1; i < values.Length && rowNumber; i++)
            {
                rowNumber = values[i] == values[i - 1] + 1;
            }

            if (rowNumber)
            {
                return true;
            }
        }

        if (!LooksLikeIdName(name))
        {
            return false;
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static NumericColumn? TryBoolean(string name, string?[] values, IEnumerable<string> distinct)
    {
        foreach (var (yes, no) in BooleanPairs)
        {
            var fits = true;
            foreach (var value in distinct)
            {
                var trimmed = value.Trim();
                if (!trimmed.Equals(yes, StringComparison.OrdinalIgnoreCase) && !trimmed.Equals(no, StringComparison.OrdinalIgnoreCase))
                {
                    fits = false;
                    break;
                }
            }

            if (!fits)
            {
                continue;
            }

            var numbers = new double[values.Length];
            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = values[i] is { } value ? (value.Trim().Equals(yes, StringComparison.OrdinalIgnoreCase) ? 1 : 0) : double.NaN;
            }

            return new NumericColumn(name, ColumnKind.Boolean, ImmutableCollectionsMarshal.AsImmutableArray(numbers));
        }

        return null;
    }

    private static MultiCategoricalColumn? TryMultiValued(string name, string?[] values, Dictionary<string, int> counts, char delimiter, int maxLevels)
    {
        var present = 0;
        foreach (var count in counts.Values)
        {
            present += count;
        }

        foreach (var separator in MultiSeparators)
        {
            if (separator == delimiter)
            {
                continue;
            }

            var withSeparator = 0;
            var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
            long tokenTotal = 0, tokenLength = 0, cellTokens = 0;
            foreach (var (value, count) in counts)
            {
                if (value.Contains(separator, StringComparison.Ordinal))
                {
                    withSeparator += count;
                }

                foreach (var token in value.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(tokens, token, out _) += count;
                    tokenTotal += count;
                    tokenLength += token.Length * (long)count;
                    cellTokens++;
                }

                if (tokens.Count > maxLevels)
                {
                    break;
                }
            }

            // Tokens must repeat: some token shows up in several different cells, and on average twice.
            var repeats = tokens.Count > 0 && tokens.Count <= maxLevels && cellTokens > tokens.Count && tokenTotal >= 2L * tokens.Count;
            if (withSeparator < Math.Max(2, present * 0.05) || !repeats || tokenLength > 60 * tokenTotal)
            {
                continue;
            }

            var levels = tokens.Keys.Order(StringComparer.Ordinal).ToArray();
            var index = new Dictionary<string, int>(levels.Length, StringComparer.Ordinal);
            for (var i = 0; i < levels.Length; i++)
            {
                index[levels[i]] = i;
            }

            var codes = new ImmutableArray<int>[values.Length];
            var cache = new Dictionary<string, ImmutableArray<int>>(StringComparer.Ordinal);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } value)
                {
                    codes[i] = [];
                    continue;
                }

                if (!cache.TryGetValue(value, out var cell))
                {
                    var list = new List<int>();
                    foreach (var token in value.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        var code = index[token];
                        if (!list.Contains(code))
                        {
                            list.Add(code);
                        }
                    }

                    cell = [.. list];
                    cache[value] = cell;
                }

                codes[i] = cell;
            }

            return new MultiCategoricalColumn(name, ImmutableCollectionsMarshal.AsImmutableArray(codes), ImmutableCollectionsMarshal.AsImmutableArray(levels), separator);
        }

        return null;
    }
}
