using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;
using SegmentDashboard.Figures;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Charts;

/// <summary>
/// The one chart component: shows an immutable <see cref="PlotlyFigure"/> (Plotly.Blazor's typed
/// traces and layout) in Plotly.Blazor's chart. Plotly.Blazor's chart creates the plot, empty; the
/// figures travel as the JSON <see cref="FigureJson"/> already holds and the collocated JS module
/// applies them: the first figure and every change of traces with <c>Plotly.react</c>, the rest
/// with <c>Plotly.update</c> of only what changed (<see cref="ChartUpdate"/>), a theme change as a
/// relayout of colours alone, hover texts filled in from the row table in the same draw.
/// Plotly.Blazor's own calls pass every figure through its serializer (typed object to JSON to
/// parsed objects, each number boxed) and back out: 10-20 ms a chart on the server, several hundred
/// on a process's first visit, and its hover texts needed a second draw. The module's calls resolve
/// once the browser shows the figure's version (<c>layout.meta</c>); until then the chart counts as
/// drawing in <see cref="ChartDrawTracker"/> and the status is not "ready".
/// </summary>
public sealed partial class PlotlyChart : IAsyncDisposable
{
    /// <summary>Row texts kept per chart (both here and in the browser) before starting over.</summary>
    private const int MaxRowTexts = 50_000;

    /// <summary>A figure the browser has not shown after this long is given up (logged), so the status cannot hang.</summary>
    private const int DrawTimeoutMs = 30_000;

    private static readonly IReadOnlyDictionary<string, JsonNode?> NoTraceChanges = new Dictionary<string, JsonNode?>();

    private static long s_lastId;

    private readonly string _id = "plotly-chart-" + Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);
    private readonly string _titleId;
    private readonly Config _config = ChartConfig.Create();
    private readonly HashSet<int> _sentRows = [];

    // What Plotly.Blazor's chart is created with: no traces, version 0 (the module draws over it).
    private readonly List<ITrace> _noTraces = [];
    private readonly PlotlyLayout _emptyLayout = new() { Meta = 0 };
    private IJSObjectReference? _module;
    private bool _started;
    private bool _webGl = true;
    private bool _busy;
    private bool _disposed;
    private long _version;
    private long _drawnVersion;
    private PlotlyFigure? _shown;
    private UiTheme _shownTheme;
    private FigureJson? _shownJson;
    private object? _rowSource;

    public PlotlyChart() => _titleId = _id + "-title";

    [Inject]
    private ChartDrawTracker Drawing { get; set; } = default!;

    [Inject]
    private ChartEngine Engine { get; set; } = default!;

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

    /// <summary>The dashboard's theme, cascaded by the layout: the chart's colours follow it.</summary>
    [CascadingParameter]
    public UiTheme Theme { get; set; }

    private bool HasTitle => !string.IsNullOrEmpty(Title);

    private string AccessibleName => "Chart " + TestId.Replace("chart-", string.Empty, StringComparison.Ordinal).Replace('-', ' ');

    private bool UpToDate => ReferenceEquals(_shown, Figure) && _shownTheme == Theme;

    protected override Task OnParametersSetAsync()
    {
        if (_disposed || Figure is null)
        {
            return Task.CompletedTask;
        }

        if (!UpToDate)
        {
            // Set during the same render as the new figure, so the status cannot say "ready" before it is drawn.
            Drawing.Begin(this);
        }

        if (_drawnVersion > 0)
        {
            // The browser shows a figure of this chart already (a new result, a new theme): send
            // the change now. OnAfterRenderAsync would wait for the browser to acknowledge the
            // page's render first, a round trip (20-40 ms of a k change on the sample). Before its
            // first figure the chart's element may not exist yet: that one waits for the render.
            return SyncAsync();
        }

        if (!_started && Engine.Module is { } module)
        {
            // The circuit has the chart module already: Plotly.Blazor's chart is in this very render.
            Start(module);
        }

        return Task.CompletedTask;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed)
        {
            return;
        }

        if (firstRender && !_started)
        {
            var module = await Engine.ModuleAsync();
            if (module is null || _disposed)
            {
                Drawing.End(this);
                return;
            }

            Start(module);
            StateHasChanged();
        }

        await SyncAsync();
    }

    /// <summary>Renders Plotly.Blazor's chart (empty) from now on.</summary>
    private void Start(ChartModule module)
    {
        _module = module.Reference;
        _webGl = module.WebGl;
        _started = true;
    }

    /// <summary>Sends what changed until the browser shows the current figure and theme; one draw at a time.</summary>
    private async Task SyncAsync()
    {
        while (!_disposed && !_busy && _module is not null && Figure is not null && !UpToDate)
        {
            _busy = true;
            var figure = Figure;
            var theme = Theme;
            if (ReferenceEquals(figure, _shown))
            {
                // The theme alone changed: colours by relayout.
                _shownTheme = theme;
                await UpdateAsync(figure, NoTraceChanges, ChartTheme.For(theme).Relayout(figure.Layout), dataChanged: false);
                _busy = false;
                continue;
            }

            var next = FigureJson.For(figure, theme);
            var plan = ChartUpdate.Plan(_shownJson, next);
            _shown = figure;
            _shownTheme = theme;
            _shownJson = next;
            if (plan.Kind == ChartUpdateKind.React)
            {
                await DrawAsync(figure, next);
            }
            else if (plan.Kind != ChartUpdateKind.None)
            {
                await UpdateAsync(figure, plan.Data, plan.Layout, plan.DataChanged);
            }

            _busy = false;
        }

        if (UpToDate && !_busy)
        {
            Drawing.End(this);
        }
    }

    /// <summary>
    /// The whole figure, <c>Plotly.react</c> (the first draw, or traces came and went); waits until
    /// the browser shows it. The figure's JSON is sent as it is (the module sets the version).
    /// </summary>
    private async Task DrawAsync(PlotlyFigure figure, FigureJson json)
    {
        var version = ++_version;
        var (rowTexts, newRowSource) = NewRowTexts(figure.Rows);
        var traces = _webGl ? json.Traces : [.. figure.Data.Select(trace => PlotlyFigure.TraceJson(WithoutWebGl.Trace(trace)))];
        var sent = new SentFigure(traces, json.Layout);
        await AwaitDrawnAsync(version, () => _module!.InvokeAsync<bool>("draw", _id, version, sent, ChartConfig.Json, rowTexts, newRowSource, DrawTimeoutMs));
    }

    /// <summary>
    /// <c>Plotly.update</c> of the changed trace attributes (<paramref name="data"/>: attribute to
    /// one value per trace) and layout entries; waits until the browser shows it.
    /// </summary>
    private async Task UpdateAsync<TLayout>(PlotlyFigure figure, IReadOnlyDictionary<string, JsonNode?> data, IReadOnlyDictionary<string, TLayout> layout, bool dataChanged)
    {
        var version = ++_version;
        var (rowTexts, newRowSource) = dataChanged ? NewRowTexts(figure.Rows) : (null, false);
        await AwaitDrawnAsync(version, () => _module!.InvokeAsync<bool>("update", _id, version, data, layout, rowTexts, newRowSource, DrawTimeoutMs));
    }

    /// <summary>Runs a module call that resolves once the browser shows <paramref name="expected"/>, and records the outcome.</summary>
    private async Task AwaitDrawnAsync(long expected, Func<ValueTask<bool>> call)
    {
        try
        {
            var drawn = await call();
            if (drawn)
            {
                _drawnVersion = expected;
                return;
            }

            Logger.LogWarning("Chart {Chart} did not show figure version {Version} within {Timeout} ms.", TestId, expected, DrawTimeoutMs);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // The circuit is gone; nothing to draw on.
            return;
        }
        catch (JSException ex)
        {
            Logger.LogWarning(ex, "Chart {Chart} could not be drawn.", TestId);
        }

        // Not shown (timed out, the element went away, Plotly failed): the next figure is drawn
        // whole, and the status is not held up for ever.
        _shownJson = null;
        _rowSource = null;
    }

    /// <summary>
    /// The row texts the browser does not have yet, by row id (null when it has them all), and
    /// whether they start a new table (another dataset). Sent as an object, not a JSON string
    /// inside the message: escaped twice, the sample's 2,000 texts took 648 KB.
    /// </summary>
    private (Dictionary<string, string>? Texts, bool NewSource) NewRowTexts(RowTexts? rows)
    {
        if (rows is null)
        {
            return (null, false);
        }

        // A new dataset, or a table grown past its bound (each k change on a large dataset samples
        // other rows): start over, so neither side keeps texts without limit.
        var newSource = !ReferenceEquals(rows.Source, _rowSource) || _sentRows.Count + rows.Ids.Length > MaxRowTexts;
        if (newSource)
        {
            _rowSource = rows.Source;
            _sentRows.Clear();
        }

        var missing = rows.Ids.Where(_sentRows.Add).ToDictionary(id => id.ToString(CultureInfo.InvariantCulture), rows.TextOf);
        return (missing.Count == 0 && !newSource ? null : missing, newSource);
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
            // The module itself is the circuit's (ChartEngine), shared by every chart.
            await _module.InvokeVoidAsync("dispose", _id);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // The browser already went away with the chart.
        }
    }
}

/// <summary>A whole figure as the module's draw takes it (lower-case names, as Plotly's JSON has them).</summary>
internal sealed record SentFigure(
    [property: System.Text.Json.Serialization.JsonPropertyName("data")] ImmutableArray<JsonObject> Data,
    [property: System.Text.Json.Serialization.JsonPropertyName("layout")] JsonObject Layout);
