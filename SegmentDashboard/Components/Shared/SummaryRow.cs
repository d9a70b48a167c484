using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// One row of the Explore page's summary-statistics grid. The statistics are null where they do
/// not apply (categories, text, dates), so the grid shows an empty cell and sorts those rows
/// together; NaN stays NaN (a numeric column with no values) and shows as "n/a".
/// </summary>
public sealed record SummaryRow(
    string Name,
    string Type,
    int Values,
    int Missing,
    double? Mean,
    double? StandardDeviation,
    double? Min,
    double? Q1,
    double? Median,
    double? Q3,
    double? Max,
    string TopValues)
{
    public static SummaryRow From(ColumnSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Kind is ColumnKind.Numeric or ColumnKind.Boolean)
        {
            return new SummaryRow(
                summary.Name, ColumnView.KindName(summary.Kind), summary.Count, summary.Missing,
                summary.Mean, summary.StandardDeviation, summary.Min, summary.Q1, summary.Median, summary.Q3, summary.Max,
                string.Empty);
        }

        return new SummaryRow(
            summary.Name, ColumnView.KindName(summary.Kind), summary.Count, summary.Missing,
            null, null, null, null, null, null, null,
            ColumnView.Summary(summary));
    }

    /// <summary>A statistic for its cell: empty where it does not apply, else <see cref="ColumnView.Compact"/> (invariant culture).</summary>
    public static string Format(double? value) => value is { } v ? ColumnView.Compact(v) : string.Empty;
}
