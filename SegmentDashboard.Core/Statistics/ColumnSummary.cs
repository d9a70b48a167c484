using System.Collections.Immutable;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Statistics;

/// <summary>A level and how often it occurs.</summary>
public sealed record LevelCount(string Level, int Count);

/// <summary>
/// Profile of one column. Numeric statistics are NaN when undefined (non-numeric column, or no
/// values); <see cref="StandardDeviation"/> is the sample (n-1) standard deviation.
/// </summary>
public sealed record ColumnSummary(
    string Name,
    ColumnKind Kind,
    int Count,
    int Missing,
    int Distinct,
    double Min,
    double Max,
    double Mean,
    double StandardDeviation,
    double Q1,
    double Median,
    double Q3,
    ImmutableArray<LevelCount> TopLevels)
{
    public double MissingShare => Count + Missing == 0 ? 0 : Missing / (double)(Count + Missing);
}

/// <summary>Computes <see cref="ColumnSummary"/> values.</summary>
public static class ColumnSummaries
{
    /// <summary>Summary of one column; <paramref name="topLevels"/> most frequent levels for categorical kinds.</summary>
    public static ColumnSummary Summarize(Column column, int topLevels = 10)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfNegative(topLevels);
        return column switch
        {
            NumericColumn numeric => SummarizeNumbers(numeric, topLevels),
            CategoricalColumn categorical => SummarizeLevels(column, LevelCounts(categorical), topLevels),
            MultiCategoricalColumn multi => SummarizeLevels(column, LevelCounts(multi), topLevels),
            _ => SummarizeLevels(column, FormattedCounts(column), topLevels),
        };
    }

    /// <summary>Summaries of every column, in order.</summary>
    public static ImmutableArray<ColumnSummary> Summarize(Dataset dataset, int topLevels = 10) =>
        dataset.Columns.Select(column => Summarize(column, topLevels)).ToImmutableArray();

    private static ColumnSummary SummarizeNumbers(NumericColumn column, int topLevels)
    {
        var sorted = Quantiles.SortedFinite(column.Values.AsSpan());
        var n = sorted.Length;
        var distinct = 0;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
            sum += sorted[i];
        }

        var mean = n == 0 ? double.NaN : sum / n;
        var squares = 0.0;
        foreach (var value in sorted)
        {
            squares += (value - mean) * (value - mean);
        }

        var levels = ImmutableArray<LevelCount>.Empty;
        if (column.Kind == ColumnKind.Boolean)
        {
            var ones = 0;
            foreach (var value in sorted)
            {
                ones += value != 0 ? 1 : 0;
            }

            levels = Top([new LevelCount("Yes", ones), new LevelCount("No", n - ones)], topLevels);
        }

        return new ColumnSummary(
            column.Name,
            column.Kind,
            n,
            column.Count - n,
            distinct,
            n == 0 ? double.NaN : sorted[0],
            n == 0 ? double.NaN : sorted[^1],
            mean,
            n < 2 ? double.NaN : Math.Sqrt(squares / (n - 1)),
            Quantiles.OfSorted(sorted, 0.25),
            Quantiles.OfSorted(sorted, 0.5),
            Quantiles.OfSorted(sorted, 0.75),
            levels);
    }

    private static ColumnSummary SummarizeLevels(Column column, List<LevelCount> counts, int topLevels)
    {
        var missing = column.MissingCount;
        var distinct = 0;
        foreach (var level in counts)
        {
            distinct += level.Count > 0 ? 1 : 0;
        }

        return new ColumnSummary(
            column.Name,
            column.Kind,
            column.Count - missing,
            missing,
            distinct,
            double.NaN,
            double.NaN,
            double.NaN,
            double.NaN,
            double.NaN,
            double.NaN,
            double.NaN,
            Top(counts, topLevels));
    }

    private static List<LevelCount> LevelCounts(CategoricalColumn column)
    {
        var counts = new int[column.Levels.Length];
        foreach (var code in column.Codes)
        {
            if (code >= 0)
            {
                counts[code]++;
            }
        }

        return column.Levels.Select((level, i) => new LevelCount(level, counts[i])).ToList();
    }

    private static List<LevelCount> LevelCounts(MultiCategoricalColumn column)
    {
        var counts = new int[column.Levels.Length];
        foreach (var cell in column.Codes)
        {
            if (cell.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var code in cell)
            {
                counts[code]++;
            }
        }

        return column.Levels.Select((level, i) => new LevelCount(level, counts[i])).ToList();
    }

    private static List<LevelCount> FormattedCounts(Column column)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < column.Count; row++)
        {
            if (!column.IsMissing(row))
            {
                var key = column.Format(row);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts.Select(pair => new LevelCount(pair.Key, pair.Value)).ToList();
    }

    /// <summary>Most frequent first; ties in ordinal order of the level; levels that never occur left out.</summary>
    private static ImmutableArray<LevelCount> Top(List<LevelCount> counts, int topLevels) =>
        counts.Where(level => level.Count > 0)
            .OrderByDescending(level => level.Count)
            .ThenBy(level => level.Level, StringComparer.Ordinal)
            .Take(topLevels)
            .ToImmutableArray();
}
