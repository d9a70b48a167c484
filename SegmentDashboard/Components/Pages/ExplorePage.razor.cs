using System.Collections.Immutable;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Pages;

/// <summary>The Explore tab: summary statistics and distribution / relationship charts, optionally by segment.</summary>
public sealed partial class ExplorePage
{
    private const string SegmentGroup = "\u0001segment";
    private const int MaxGridCharts = 12;

    private readonly FigureMemo _figures = new();
    private bool _colorBySegment = true;
    private string? _boxValue;
    private string? _boxGroup;
    private string? _scatterX;
    private string? _scatterY;
    private ImmutableArray<ColumnSummary> _summaryRowsSource;
    private IReadOnlyList<SummaryRow> _summaryRows = [];

    /// <summary>Segment labels per dataset row when colouring by segment and the result is for this dataset.</summary>
    private ImmutableArray<int>? RowLabels =>
        _colorBySegment && State.Result is { } result && ReferenceEquals(result.Dataset, State.Dataset) ? result.RowLabels : null;

    /// <summary>The summary grid's rows, rebuilt only when the state has new summaries (the grid keeps its sort).</summary>
    private IReadOnlyList<SummaryRow> SummaryRows
    {
        get
        {
            if (_summaryRowsSource != State.Summaries)
            {
                _summaryRowsSource = State.Summaries;
                _summaryRows = State.Summaries.Select(SummaryRow.From).ToArray();
            }

            return _summaryRows;
        }
    }

    private string[] NumericColumns =>
        State.Dataset?.Columns.Where(c => c is NumericColumn { Kind: ColumnKind.Numeric }).Select(c => c.Name).ToArray() ?? [];

    private string[] CategoricalColumns =>
        State.Dataset?.Columns.OfType<CategoricalColumn>().Select(c => c.Name).ToArray() ?? [];

    private string[] BarColumns =>
        State.Dataset?.Columns.Where(c => c is CategoricalColumn or MultiCategoricalColumn).Select(c => c.Name).ToArray() ?? [];

    private static string GroupLabel(string? group) => group == SegmentGroup ? "Segment" : group ?? string.Empty;

    private string? BoxValue => _boxValue is { } v && NumericColumns.Contains(v) ? v : NumericColumns.FirstOrDefault();

    private string? BoxGroup => _boxGroup is { } g && (g == SegmentGroup || CategoricalColumns.Contains(g))
        ? g
        : State.Result is not null ? SegmentGroup : CategoricalColumns.FirstOrDefault();

    private string? ScatterX => _scatterX is { } x && NumericColumns.Contains(x) ? x : NumericColumns.FirstOrDefault();

    private string? ScatterY => _scatterY is { } y && NumericColumns.Contains(y) ? y : NumericColumns.Skip(1).FirstOrDefault() ?? ScatterX;

    private PlotlyFigure HistogramFigure(Dataset dataset, ImmutableArray<int>? labels, IReadOnlyDictionary<int, string> names) =>
        _figures.Get("histogram", () => ExploreFigures.Histograms(dataset, NumericColumns.Take(MaxGridCharts).ToArray(), labels, names), dataset, labels, Key(names));

    private PlotlyFigure CategoriesFigure(Dataset dataset, ImmutableArray<int>? labels, IReadOnlyDictionary<int, string> names) =>
        _figures.Get("categories", () => ExploreFigures.CategoryBars(dataset, BarColumns.Take(MaxGridCharts).ToArray(), labels, names), dataset, labels, Key(names));

    private PlotlyFigure CorrelationFigure(Dataset dataset) =>
        _figures.Get("correlation", () => ExploreFigures.Correlation(CorrelationMatrix.Compute(dataset)), dataset);

    private PlotlyFigure ScatterFigure(Dataset dataset, ImmutableArray<int>? labels, IReadOnlyDictionary<int, string> names) =>
        ScatterX is { } x && ScatterY is { } y
            ? _figures.Get("scatter", () => ScatterFigures.Columns(dataset, x, y, labels, names), dataset, labels, x, y, Key(names))
            : PlotlyFigure.Message("The dataset has no numeric columns.");

    private PlotlyFigure BoxFigure(Dataset dataset, ImmutableArray<int>? labels, IReadOnlyDictionary<int, string> names)
    {
        if (BoxValue is not { } value || dataset.Find(value) is not NumericColumn column || BoxGroup is not { } group)
        {
            return PlotlyFigure.Message("Box plots need a numeric and a categorical column.");
        }

        var segmentLabels = State.Result is { } result && ReferenceEquals(result.Dataset, dataset) ? result.RowLabels : (ImmutableArray<int>?)null;
        return _figures.Get("box", () =>
        {
            if (group == SegmentGroup && segmentLabels is { } rows)
            {
                var byName = names.ToDictionary(n => n.Value, n => n.Key);
                return ExploreFigures.BoxPlot(
                    column,
                    row => rows[row] >= 0 && names.TryGetValue(rows[row], out var name) ? name : null,
                    name => SegmentPalette.Color(byName.TryGetValue(name, out var id) ? id : 0),
                    name => byName.TryGetValue(name, out var id) ? id : int.MaxValue);
            }

            return dataset.Find(group) is CategoricalColumn category
                ? ExploreFigures.BoxPlot(column, row => category.Codes[row] < 0 ? null : category.Levels[category.Codes[row]])
                : PlotlyFigure.Message("Pick a categorical column.");
        }, dataset, segmentLabels, value, group, Key(names));
    }

    private static string Key(IReadOnlyDictionary<int, string> names) =>
        string.Join('\u001f', names.OrderBy(n => n.Key).Select(n => n.Value));
}
