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
/// The one chart component: shows an immutable <see cref="PlotlyFigure"/> with Plotly.Blazor's
/// chart. Plotly.Blazor's chart starts empty and the collocated JS module draws the first figure
/// into it from the figure's JSON, hover texts filled in: Plotly.Blazor's own first draw would
/// send the typed traces through its serializer (10-20 ms a chart on the server, several hundred
/// on a process's first visit) and the hover texts in a second draw. After that only what changed
/// is sent through Plotly.Blazor (<see cref="ChartUpdate"/>: relayout, update or, when traces come
/// and go, react), and a theme change is a relayout of colours alone. Plotly.Blazor's calls do not
/// wait for Plotly, so the module reports when the browser shows the figure's version; until then
/// the chart counts as drawing in <see cref="ChartDrawTracker"/> and the status is not "ready".
/// </summary>
public sealed partial class PlotlyChart : IAsyncDisposable
{
    /// <summary>Row texts kept per chart (both here and in the browser) before starting over.</summary>
    private const int MaxRowTexts = 50_000;

    /// <summary>A figure the browser has not shown after this long is given up (logged), so the status cannot hang.</summary>
    private const int DrawTimeoutMs = 30_000;

    private static long s_lastId;

    private readonly string _id = "plotly-chart-" + Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);
    private readonly string _titleId;
    private readonly Config _config = ChartConfig.Create();
    private readonly HashSet<int> _sentRows = [];
    private Plotly.Blazor.PlotlyChart? _plot;
    private IJSObjectReference? _module;
    private IList<ITrace> _data = [];

    // Plotly.Blazor's first draw: no traces, version 0; the module draws the first figure over it.
    private PlotlyLayout _layout = new() { Meta = 0 };
    private bool _started;
    private bool _webGl = true;
    private bool _busy;
    private bool _reactPending;
    private bool _disposed;
    private long _version;
    private long _drawnVersion;
    private PlotlyFigure? _shown;
    private UiTheme _shownTheme;
    private FigureJson? _shownJson;
    private object? _rowSource;

    public PlotlyChart() => _titleId = _id + "-title";

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

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

    private bool UpToDate => ReferenceEquals(_shown, Figure) && _shownTheme == Theme && !_reactPending;

    protected override void OnParametersSet()
    {
        if (_disposed || Figure is null)
        {
            return;
        }

        if (!UpToDate)
        {
            // Set during the same render as the new figure, so the status cannot say "ready" before it is drawn.
            Drawing.Begin(this);
        }

        if (!_started && Engine.Module is { } module)
        {
            // The circuit has the chart module already: Plotly.Blazor's chart is in this very render.
            Start(module);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed)
        {
            return;
        }

        if (firstRender)
        {
            await FirstDrawAsync();
            return;
        }

        if (_reactPending && _plot is not null)
        {
            // The Plotly.Blazor chart now has the new traces and layout as parameters.
            _reactPending = false;
            await SendAsync(() => _plot.React());
            await SettleAsync(_shown!, dataChanged: true);
            _busy = false;
        }

        await SyncAsync();
    }

    /// <summary>
    /// Waits until the browser shows the first figure (Plotly.Blazor draws it from its own first
    /// render, NewPlot), first starting the chart if the circuit's chart module was not loaded yet.
    /// </summary>
    private async Task FirstDrawAsync()
    {
        if (!_started)
        {
            var module = await Engine.ModuleAsync();
            if (module is null || Figure is null || _disposed)
            {
                Drawing.End(this);
                return;
            }

            Start(module);
            StateHasChanged();
        }

        await DrawFirstAsync(_shown!, _shownJson!);
        _busy = false;
        await SyncAsync();
    }

    /// <summary>Renders Plotly.Blazor's chart (empty) from now on, and takes the figure to draw first.</summary>
    private void Start(ChartModule module)
    {
        _module = module.Reference;
        _webGl = module.WebGl;
        _busy = true;
        var figure = Figure;
        _shown = figure;
        _shownTheme = Theme;
        _shownJson = FigureJson.Of(figure, ThemedLayout(figure, Theme));
        _started = true;
    }

    /// <summary>Has the module draw <paramref name="figure"/> over Plotly.Blazor's empty first plot and waits until the browser shows it.</summary>
    private async Task DrawFirstAsync(PlotlyFigure figure, FigureJson json)
    {
        if (_module is null || _disposed)
        {
            return;
        }

        var version = ++_version;
        var (rowTexts, newRowSource) = NewRowTexts(figure.Rows);
        var traces = _webGl
            ? json.Traces.Select(trace => (JsonNode)trace.DeepClone())
            : figure.Data.Select(trace => (JsonNode)PlotlyFigure.TraceJson(WithoutWebGl.Trace(trace)));
        var layout = json.Layout.DeepClone();
        layout["meta"] = version;
        var figureJson = new JsonObject { ["data"] = new JsonArray(traces.ToArray()), ["layout"] = layout }.ToJsonString(PlotlyFigure.JsonOptions);
        await AwaitDrawnAsync(version, () => _module.InvokeAsync<bool>("draw", _id, version, figureJson, ChartConfig.Json, rowTexts, newRowSource, DrawTimeoutMs));
    }

    /// <summary>Sends what changed until the browser shows the current figure and theme; one draw at a time.</summary>
    private async Task SyncAsync()
    {
        while (!_disposed && !_busy && _plot is not null && Figure is not null && !UpToDate)
        {
            _busy = true;
            var figure = Figure;
            var theme = Theme;
            if (ReferenceEquals(figure, _shown))
            {
                // The theme alone changed: colours by relayout.
                var version = ++_version;
                var update = ChartTheme.For(theme).Relayout(figure.Layout);
                update["meta"] = version;
                _shownTheme = theme;
                await SendAsync(() => RelayoutAsync(update));
                await SettleAsync(figure, dataChanged: false, version);
                _busy = false;
                continue;
            }

            var next = FigureJson.Of(figure, ThemedLayout(figure, theme));
            var plan = ChartUpdate.Plan(_shownJson, next);
            _shown = figure;
            _shownTheme = theme;
            _shownJson = next;
            if (plan.Kind == ChartUpdateKind.React)
            {
                // Plotly.Blazor reacts with its parameters: hand them over by rendering, react after.
                (_data, _layout) = Prepare(figure, theme);
                _reactPending = true;
                StateHasChanged();
                return;
            }

            var drawVersion = ++_version;
            var layoutUpdate = plan.Layout.ToDictionary(entry => entry.Key, entry => entry.Value);
            layoutUpdate["meta"] = System.Text.Json.Nodes.JsonValue.Create(drawVersion);
            if (plan.Kind == ChartUpdateKind.Update)
            {
                var indices = Enumerable.Range(0, figure.Data.Length).ToArray();
                await SendAsync(() => _plot.Update(plan.Data, layoutUpdate, indices));
            }
            else
            {
                await SendAsync(() => RelayoutAsync(layoutUpdate));
            }

            await SettleAsync(figure, plan.DataChanged, drawVersion);
            _busy = false;
        }

        if (UpToDate && !_busy)
        {
            Drawing.End(this);
        }
    }

    /// <summary>
    /// <c>Plotly.relayout</c> through Plotly.Blazor's update with no trace changes: its own
    /// <c>Relayout(value)</c> also copies the values into its layout object, which fails on colour
    /// strings and attribute paths ("xaxis.gridcolor").
    /// </summary>
    private Task RelayoutAsync<T>(IDictionary<string, T> layoutUpdate) =>
        _plot!.Update(new Dictionary<string, object>(), layoutUpdate, null);

    /// <summary>The traces and a themed, versioned copy of the layout for Plotly.Blazor (SVG instead of WebGL where WebGL is unusable).</summary>
    private (IList<ITrace> Data, PlotlyLayout Layout) Prepare(PlotlyFigure figure, UiTheme theme)
    {
        var layout = ThemedLayout(figure, theme);
        layout.Meta = ++_version;
        var data = figure.Data.Select(trace => _webGl ? trace : WithoutWebGl.Trace(trace)).ToList();
        return (data, layout);
    }

    private static PlotlyLayout ThemedLayout(PlotlyFigure figure, UiTheme theme)
    {
        var layout = figure.Layout.DeepClone();
        ChartTheme.For(theme).ApplyTo(layout);
        return layout;
    }

    /// <summary>Waits until the browser shows this chart's latest version (sending the row texts it lacks), then records it.</summary>
    private async Task SettleAsync(PlotlyFigure figure, bool dataChanged, long? version = null)
    {
        if (_module is null || _disposed)
        {
            return;
        }

        var expected = version ?? _version;
        var (rowTexts, newRowSource) = NewRowTexts(figure.Rows);
        await AwaitDrawnAsync(expected, () => _module.InvokeAsync<bool>("settle", _id, expected, rowTexts, newRowSource, dataChanged && figure.Rows is not null, DrawTimeoutMs));
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
            }
            else
            {
                // The browser did not show it in time (or the element went away): the chart is
                // redrawn from scratch next time, and the status is not held up for ever.
                _shownJson = null;
                _rowSource = null;
                Logger.LogWarning("Chart {Chart} did not show figure version {Version} within {Timeout} ms.", TestId, expected, DrawTimeoutMs);
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // The circuit is gone; nothing to draw on.
        }
        catch (JSException ex)
        {
            _shownJson = null;
            _rowSource = null;
            Logger.LogWarning(ex, "Chart {Chart} could not be drawn.", TestId);
        }
    }

    private async Task SendAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
        }
        catch (JSException ex)
        {
            _shownJson = null;
            Logger.LogWarning(ex, "Chart {Chart} could not be updated.", TestId);
        }
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
        var newSource = !ReferenceEquals(rows.Source, _rowSource) || _sentRows.Count + rows.Texts.Count > MaxRowTexts;
        if (newSource)
        {
            _rowSource = rows.Source;
            _sentRows.Clear();
        }

        var missing = rows.Texts.Where(row => _sentRows.Add(row.Key)).ToDictionary(row => row.Key.ToString(CultureInfo.InvariantCulture), row => row.Value);
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
