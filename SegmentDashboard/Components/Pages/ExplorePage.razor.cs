using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Pages;

/// <summary>
/// The Explore tab: summary statistics and distribution / relationship charts, optionally by segment.
/// Its figures come from the shared <see cref="FigureCache"/> (built on the thread pool once per
/// dataset and view, see <see cref="ExploreCharts"/>), so opening the tab never builds them on the
/// circuit's render thread. While a figure is being built the tab counts as drawing in
/// <see cref="ChartDrawTracker"/>: the status cannot say "ready" before the charts have it.
/// </summary>
public sealed partial class ExplorePage
{
    private readonly object _building = new();
    private readonly Dictionary<string, PlotlyFigure> _figures = [];
    private bool _colorBySegment = true;
    private string? _boxValue;
    private string? _boxGroup;
    private string? _scatterX;
    private string? _scatterY;
    private long _generation;
    private bool _pending;
    private bool _endAfterRender;
    private ImmutableArray<ColumnSummary> _summaryRowsSource;
    private IReadOnlyList<SummaryRow> _summaryRows = [];

    [Inject]
    private FigureCache Cache { get; set; } = default!;

    [Inject]
    private ChartDrawTracker Drawing { get; set; } = default!;

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

    /// <summary>The result's labels when it is for the shown dataset.</summary>
    private ImmutableArray<int>? SegmentLabels =>
        State.Result is { } result && ReferenceEquals(result.Dataset, State.Dataset) ? result.RowLabels : null;

    private ExploreChoices Choices => State.Dataset is { } dataset
        ? ExploreChoices.Resolve(dataset, State.Result is not null, _boxValue, _boxGroup, _scatterX, _scatterY)
        : new ExploreChoices(null, null, null, null);

    private string[] NumericColumns => State.Dataset is { } d ? ExploreCharts.NumericColumns(d) : [];

    private string[] CategoricalColumns => State.Dataset is { } d ? ExploreCharts.CategoricalColumns(d) : [];

    private bool HasBarColumns => State.Dataset is { } d && ExploreCharts.BarColumns(d).Length > 0;

    private static string GroupLabel(string? group) => group == ExploreCharts.SegmentGroup ? "Segment" : group ?? string.Empty;

    private PlotlyFigure? Figure(string slot) => _figures.GetValueOrDefault(slot);

    protected override Task OnParametersSetAsync() => RefreshFiguresAsync();

    /// <summary>
    /// Asks the cache for every chart's figure for the current dataset, result and choices. Cached
    /// ones are shown in this render; otherwise the tab counts as drawing until they are built, and
    /// meanwhile a chart keeps its previous figure (or shows a placeholder on the first visit).
    /// </summary>
    private async Task RefreshFiguresAsync()
    {
        if (State.Dataset is not { } dataset)
        {
            return;
        }

        var generation = ++_generation;
        var colour = _colorBySegment ? SegmentLabels : null;
        var requests = ExploreCharts.Requests(dataset, colour, SegmentLabels, State.SegmentNames(), Choices);
        var tasks = requests.Select(r => (r.Key.Slot, Task: Cache.GetAsync(dataset, r))).ToArray();
        if (tasks.All(t => t.Task.IsCompleted))
        {
            Show(tasks);
            if (_pending)
            {
                // An earlier refresh is still waiting; this one superseded it with figures at hand.
                _pending = false;
                _endAfterRender = true;
            }

            return;
        }

        // Set before the render that shows the placeholders, so the status leaves "ready" with it.
        _pending = true;
        Drawing.Begin(_building);
        try
        {
            await Task.WhenAll(tasks.Select(t => t.Task));
        }
        catch (Exception)
        {
            // Shown per chart below (a failed figure becomes a message).
        }

        if (generation != _generation)
        {
            return;
        }

        Show(tasks);
        _pending = false;

        // The charts take their new figures (and start drawing) in the render that follows;
        // only after it may this tab stop counting as drawing.
        _endAfterRender = true;
    }

    private void Show((string Slot, Task<PlotlyFigure> Task)[] tasks)
    {
        foreach (var (slot, task) in tasks)
        {
            _figures[slot] = task.IsCompletedSuccessfully ? task.Result : PlotlyFigure.Message("This chart could not be drawn.");
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_endAfterRender && !_pending)
        {
            _endAfterRender = false;
            Drawing.End(_building);
        }
    }

    private Task SetColorBySegmentAsync(bool value)
    {
        _colorBySegment = value;
        return RefreshFiguresAsync();
    }

    private Task SetBoxValueAsync(string value)
    {
        _boxValue = value;
        return RefreshFiguresAsync();
    }

    private Task SetBoxGroupAsync(string value)
    {
        _boxGroup = value;
        return RefreshFiguresAsync();
    }

    private Task SetScatterXAsync(string value)
    {
        _scatterX = value;
        return RefreshFiguresAsync();
    }

    private Task SetScatterYAsync(string value)
    {
        _scatterY = value;
        return RefreshFiguresAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Drawing.End(_building);
        }

        base.Dispose(disposing);
    }
}
