using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Components.Data;

/// <summary>One row of the Data page's column grid: a column of the dataset and its summary.</summary>
/// <param name="Index">The column's position in the file (the grid's default order).</param>
/// <param name="Column">The column as read (or as the user changed its kind).</param>
/// <param name="Summary">Its summary statistics, or null while they are not computed.</param>
public sealed record ColumnRow(int Index, Column Column, ColumnSummary? Summary)
{
    /// <summary>The column's name.</summary>
    public string Name => Column.Name;

    /// <summary>Share of missing values (0 without a summary), for sorting.</summary>
    public double MissingShare => Summary?.MissingShare ?? 0;

    /// <summary>Number of distinct values (0 without a summary), for sorting.</summary>
    public int Distinct => Summary?.Distinct ?? 0;

    /// <summary>One row per column, in file order; summaries matched by position.</summary>
    public static ImmutableArray<ColumnRow> From(Dataset dataset, ImmutableArray<ColumnSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var rows = ImmutableArray.CreateBuilder<ColumnRow>(dataset.Columns.Length);
        for (var i = 0; i < dataset.Columns.Length; i++)
        {
            var summary = !summaries.IsDefault && i < summaries.Length && summaries[i].Name == dataset.Columns[i].Name ? summaries[i] : null;
            rows.Add(new ColumnRow(i, dataset.Columns[i], summary));
        }

        return rows.MoveToImmutable();
    }

    /// <summary>True when <paramref name="search"/> is empty or part of the column's name or the user's label (case-insensitive).</summary>
    public bool Matches(string? search, Dataset dataset) =>
        string.IsNullOrWhiteSpace(search)
        || Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || (dataset is not null && dataset.ChosenLabels.TryGetValue(Name, out var label) && label.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));
}
