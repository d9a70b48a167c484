using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SegmentDashboard.Core.Data;

/// <summary>Converts a column to another kind when the user overrides the inferred one.</summary>
/// <remarks>
/// Any kind becomes text or an identifier (the values as formatted); numbers, booleans and dates
/// become categorical with levels in numeric order; text becomes categorical, and multi-valued
/// by its most common separator among <c>;</c> <c>|</c> <c>,</c>. Strings become numbers with the
/// lenient reader of the loader (<c>$1,234.50</c>, <c>64%</c>), booleans from Yes/No, Y/N,
/// true/false, 1/0 (numbers other than 0 and 1 are lost), dates with the loader's date reader.
/// The input column is never changed.
/// </remarks>
public static class ColumnConversion
{
    private static readonly char[] Separators = [';', '|', ','];

    /// <summary>
    /// The column re-read as <paramref name="kind"/>. Values that do not fit the new kind become
    /// missing; the returned message says how many (null when none were lost).
    /// </summary>
    public static (Column Column, string? Message) Convert(Column column, ColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Kind == kind)
        {
            return (column, null);
        }

        return kind switch
        {
            ColumnKind.Text or ColumnKind.Identifier => (ToText(column, kind), null),
            ColumnKind.Categorical => (ToCategorical(column), null),
            ColumnKind.MultiCategorical => (ToMulti(column), null),
            ColumnKind.Numeric => ToNumbers(column, kind, TryNumber),
            ColumnKind.Boolean => ToNumbers(column, kind, TryBoolean),
            ColumnKind.DateTime => ToDates(column),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
        };
    }

    private static TextColumn ToText(Column column, ColumnKind kind) =>
        new(column.Name, kind, ImmutableCollectionsMarshal.AsImmutableArray(Strings(column)));

    private static CategoricalColumn ToCategorical(Column column)
    {
        var values = Strings(column);
        if (column is not NumericColumn numeric)
        {
            return KindInference.Categorical(column.Name, values, values.OfType<string>().Distinct(StringComparer.Ordinal));
        }

        // Levels in numeric order (2 before 10), named as the values are shown.
        var firstRow = new Dictionary<double, int>();
        for (var row = 0; row < numeric.Count; row++)
        {
            if (double.IsFinite(numeric.Values[row]))
            {
                firstRow.TryAdd(numeric.Values[row], row);
            }
        }

        var levels = new List<string>(firstRow.Count);
        var index = new Dictionary<double, int>(firstRow.Count);
        foreach (var value in firstRow.Keys.Order())
        {
            index[value] = levels.Count;
            levels.Add(numeric.Format(firstRow[value]));
        }

        var codes = numeric.Values.Select(value => double.IsFinite(value) ? index[value] : -1).ToArray();
        return new CategoricalColumn(column.Name, ImmutableCollectionsMarshal.AsImmutableArray(codes), [.. levels]);
    }

    private static MultiCategoricalColumn ToMulti(Column column)
    {
        var values = Strings(column);
        var separator = Separators
            .Select(candidate => (Separator: candidate, Count: values.Count(value => value?.Contains(candidate, StringComparison.Ordinal) == true)))
            .OrderByDescending(pair => pair.Count)
            .First();
        var sep = separator.Count > 0 ? separator.Separator : ';';
        var levels = values.OfType<string>()
            .SelectMany(value => value.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var index = levels.Select((level, i) => (level, i)).ToDictionary(pair => pair.level, pair => pair.i, StringComparer.Ordinal);
        var codes = values
            .Select(value => value is null
                ? ImmutableArray<int>.Empty
                : value.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(token => index[token]).Distinct().ToImmutableArray())
            .ToArray();
        return new MultiCategoricalColumn(column.Name, ImmutableCollectionsMarshal.AsImmutableArray(codes), ImmutableCollectionsMarshal.AsImmutableArray(levels), sep);
    }

    private delegate bool ValueReader(Column column, int row, out double value);

    private static (Column Column, string? Message) ToNumbers(Column column, ColumnKind kind, ValueReader read)
    {
        var values = new double[column.Count];
        var lost = 0;
        for (var row = 0; row < values.Length; row++)
        {
            if (column.IsMissing(row))
            {
                values[row] = double.NaN;
            }
            else if (!read(column, row, out values[row]))
            {
                values[row] = double.NaN;
                lost++;
            }
        }

        var converted = new NumericColumn(column.Name, kind, ImmutableCollectionsMarshal.AsImmutableArray(values));
        return (converted, LostMessage(column, kind, lost));
    }

    private static (Column Column, string? Message) ToDates(Column column)
    {
        var strings = Strings(column);
        var dates = DateParser.ParseWherePossible(strings.OfType<string>().Distinct(StringComparer.Ordinal).ToArray());
        return ToNumbers(column, ColumnKind.DateTime, (Column _, int row, out double value) =>
        {
            value = double.NaN;
            return dates.TryGetValue(strings[row]!, out value);
        });
    }

    private static bool TryNumber(Column column, int row, out double value)
    {
        if (column is NumericColumn numeric)
        {
            value = numeric.Values[row];
            return true;
        }

        return NumberParser.TryParse(column.Format(row), decimalComma: false, out value) && double.IsFinite(value);
    }

    private static bool TryBoolean(Column column, int row, out double value)
    {
        value = double.NaN;
        if (column is NumericColumn numeric)
        {
            value = numeric.Values[row];
            return value is 0 or 1;
        }

        var text = column.Format(row).Trim().ToUpperInvariant();
        (bool ok, value) = text switch
        {
            "YES" or "Y" or "TRUE" or "T" or "1" => (true, 1.0),
            "NO" or "N" or "FALSE" or "F" or "0" => (true, 0.0),
            _ => (false, double.NaN),
        };
        return ok;
    }

    private static string?[] Strings(Column column)
    {
        var values = new string?[column.Count];
        for (var row = 0; row < values.Length; row++)
        {
            values[row] = column.IsMissing(row) ? null : column.Format(row);
        }

        return values;
    }

    private static string? LostMessage(Column column, ColumnKind kind, int lost)
    {
        if (lost == 0)
        {
            return null;
        }

        var present = column.Count - column.MissingCount;
        var what = kind switch
        {
            ColumnKind.Numeric => "numbers",
            ColumnKind.Boolean => "yes/no values",
            ColumnKind.DateTime => "dates",
            _ => kind.ToString(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{lost} of {present} values in '{column.Name}' could not be read as {what} and are now missing.");
    }
}
