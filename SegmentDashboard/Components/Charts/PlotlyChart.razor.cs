using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Charts;

/// <summary>
/// The one chart component: ships an immutable <see cref="PlotlyFigure"/> to the collocated JS
/// module (imported lazily), which calls <c>Plotly.newPlot</c> once and <c>Plotly.react</c> after,
/// resizes with a ResizeObserver and purges on dispose. A figure is sent only when it changed.
/// </summary>
public sealed partial class PlotlyChart : IAsyncDisposable
{
    /// <summary>Row texts kept per chart (both here and in the browser) before starting over.</summary>
    private const int MaxRowTexts = 50_000;

    private ElementReference _element;
    private IJSObjectReference? _module;
    private PlotlyFigure? _shown;
    private string? _shownData;
    private object? _rowSource;
    private readonly HashSet<int> _sentRows = [];
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ChartDrawTracker Drawing { get; set; } = default!;

    [Inject]
    private ILogger<PlotlyChart> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlotlyFigure Figure { get; set; } = default!;

    /// <summary>The <c>data-testid</c> of the wrapper, e.g. "chart-scatter".</summary>
    [Parameter, EditorRequired]
    public string TestId { get; set; } = default!;

    [Parameter]
    public string? Title { get; set; }

    [Parameter]
    public string? Subtitle { get; set; }

    protected override void OnParametersSet()
    {
        if (!_disposed && Figure is not null && !ReferenceEquals(_shown, Figure))
        {
            // Set during the same render as the new figure, so the status cannot say "ready" before it is drawn.
            Drawing.Begin(this);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Charts/PlotlyChart.razor.js");
            }
            catch (JSDisconnectedException)
            {
                Drawing.End(this);
                return;
            }
        }

        var figure = Figure;
        if (_module is null || _disposed || ReferenceEquals(_shown, figure) || figure is null)
        {
            return;
        }

        _shown = figure;
        var data = figure.DataJson();
        var resend = data != _shownData;
        _shownData = data; // the traces the browser has once this call (and any before it) ran
        var (rowsJson, newRowSource) = NewRowTexts(figure.Rows);
        try
        {
            // Unchanged traces (the elbow when only the current-k line moved) are not resent: the
            // browser keeps its arrays and Plotly redraws only what the layout changed.
            await _module.InvokeVoidAsync("render", _element, resend ? data : null, figure.LayoutJson(), rowsJson, newRowSource);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing to draw on.
        }
        catch (TaskCanceledException)
        {
        }
        catch (JSException ex)
        {
            // Plotly refused the figure: the chart stays as it was; the dashboard keeps working.
            _shownData = null;
            _rowSource = null;
            Logger.LogWarning(ex, "Chart {Chart} could not be drawn.", TestId);
        }

        // A newer figure may have arrived while this one was drawing; only the latest one settles the chart.
        if (ReferenceEquals(_shown, figure))
        {
            Drawing.End(this);
        }
    }

    /// <summary>
    /// The row texts the browser does not have yet, as a JSON object (null when it has them all),
    /// and whether they start a new table (another dataset).
    /// </summary>
    private (string? Json, bool NewSource) NewRowTexts(RowTexts? rows)
    {
        if (rows is null)
        {
            return (null, false);
        }

        // A new dataset, or a table grown past its bound (each k change on a large dataset samples
        // other rows): start over, so neither side keeps texts without limit.
        var newSource = !ReferenceEquals(rows.Source, _rowSource) || _sentRows.Count + rows.Texts.Count > MaxRowTexts;
        if (newSource)
        {
            _rowSource = rows.Source;
            _sentRows.Clear();
        }

        var missing = rows.Texts.Where(row => _sentRows.Add(row.Key)).ToDictionary(row => row.Key.ToString(CultureInfo.InvariantCulture), row => row.Value);
        return (missing.Count == 0 && !newSource ? null : JsonSerializer.Serialize(missing), newSource);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Drawing.End(this);
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("dispose", _element);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser already went away with the chart.
        }
    }
}
