using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Components.Data;

/// <summary>
/// The column grid of the Data page (data-testid <c>column-table</c>). Every edit goes through
/// the state's public API: a kind through <c>ChangeColumnKind</c>, a feature through
/// <c>SetFeatureIncluded</c>; a label or the NA switch makes a new <see cref="Dataset"/>
/// (<see cref="Dataset.WithLabel"/>, <see cref="NaAsValue.TreatAsMissing"/>) that is used with
/// the features the user had.
/// </summary>
public sealed partial class ColumnGrid : DashboardComponentBase
{
    /// <summary>Files with more columns than this get a virtualized grid (only the rows in view are in the page).</summary>
    public const int VirtualizeFrom = 60;

    private const string VirtualHeight = "70vh";
    private const float RowHeight = 96;

    private Dataset? _rowsOf;
    private ImmutableArray<ColumnSummary> _summariesOf;
    private ImmutableArray<ColumnRow> _rows = [];
    private ImmutableArray<string> _naColumns = [];
    private string? _search;

    private bool IsVirtual => Rows.Length > VirtualizeFrom;

    private ImmutableArray<ColumnRow> Rows
    {
        get
        {
            if (State.Dataset is { } dataset && (!ReferenceEquals(dataset, _rowsOf) || _summariesOf != State.Summaries))
            {
                if (_rowsOf is null || _rowsOf.Name != dataset.Name || _rowsOf.Columns.Length != dataset.Columns.Length)
                {
                    // Another file: a search typed for the previous one would hide every row.
                    _search = null;
                }

                _rowsOf = dataset;
                _summariesOf = State.Summaries;
                _rows = ColumnRow.From(dataset, State.Summaries);
                _naColumns = [.. dataset.Columns.Where(c => NaAsValue.KeepsNa(c) || dataset.NaCodeColumns.ContainsKey(c.Name)).Select(c => c.Name)];
            }

            return _rows;
        }
    }

    /// <summary>Columns whose NA is a code, or was switched to missing: the notice above the grid offers the switch for each.</summary>
    private ImmutableArray<string> NaColumns
    {
        get
        {
            _ = Rows;
            return _naColumns;
        }
    }

    /// <summary>"24 columns", or "3,000 columns · scroll or search" for a virtualized grid.</summary>
    public static string ColumnCountText(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var count = dataset.Columns.Length;
        var text = count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " column" : " columns");
        return count > VirtualizeFrom ? text + " · scroll or search to find one" : text;
    }

    /// <summary>The user's label, or empty (the inferred label shows as the placeholder).</summary>
    private static string LabelText(Dataset dataset, string column) =>
        dataset.ChosenLabels.TryGetValue(column, out var label) ? label : string.Empty;

    private void OnLabelChanged(string column, string? label)
    {
        if (State.Dataset is not { } dataset || dataset.Find(column) is null)
        {
            return;
        }

        var current = LabelText(dataset, column);
        if (string.Equals(current, label?.Trim() ?? string.Empty, StringComparison.Ordinal))
        {
            return;
        }

        DataEdits.Replace(State, dataset.WithLabel(column, label));
    }

    private void SwitchNa(string column)
    {
        if (State.Dataset is not { } dataset || dataset.Find(column) is not { } current)
        {
            return;
        }

        DataEdits.Replace(State, NaAsValue.KeepsNa(current) ? NaAsValue.TreatAsMissing(dataset, column) : NaAsValue.TreatAsValue(dataset, column));
    }
}
