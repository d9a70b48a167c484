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
        throw new NotImplementedException("Owned by the ingest work package.");
    }

    /// <summary>Summaries of every column, in order.</summary>
    public static ImmutableArray<ColumnSummary> Summarize(Dataset dataset, int topLevels = 10) =>
        dataset.Columns.Select(column => Summarize(column, topLevels)).ToImmutableArray();
}
