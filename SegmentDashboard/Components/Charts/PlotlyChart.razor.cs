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
    private ElementReference _element;
    private IJSObjectReference? _module;
    private PlotlyFigure? _shown;
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
        try
        {
            await _module.InvokeVoidAsync("render", _element, figure.ToJson());
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
            Logger.LogWarning(ex, "Chart {Chart} could not be drawn.", TestId);
        }

        // A newer figure may have arrived while this one was drawing; only the latest one settles the chart.
        if (ReferenceEquals(_shown, figure))
        {
            Drawing.End(this);
        }
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
