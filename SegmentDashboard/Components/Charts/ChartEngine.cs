using Microsoft.JSInterop;

namespace SegmentDashboard.Components.Charts;

/// <summary>The chart module of one circuit and whether the browser can draw WebGL.</summary>
/// <param name="Reference">PlotlyChart.razor.js, imported once per circuit.</param>
/// <param name="WebGl">False where WebGL is unusable: charts then draw SVG traces.</param>
public sealed record ChartModule(IJSObjectReference Reference, bool WebGl);

/// <summary>
/// The browser half of the charts, loaded once per circuit: the chart module (with the WebGL probe),
/// then plotly.js (5 MB, the strict bundle under Plotly.Blazor's path) through Plotly.Blazor's own
/// interop module, so its charts see the same script as loaded. The layout starts it as soon as the
/// shell is up, so the first tab with charts waits neither for the download and evaluation nor for
/// the module; a chart created after that starts drawing in its first render. Once plotly.js is
/// loaded the browser draws one small chart of each kind off screen (the module's <c>warmUp</c>),
/// so the first visit of a tab does not also wait for plotly.js to compile; loading ends when
/// that is done, so a click right after "ready" does not wait behind those draws either.
/// </summary>
public sealed class ChartEngine(IJSRuntime js)
{
    /// <summary>Plotly.Blazor 7.2.0's interop module and plotly.js paths, exactly as it imports them.</summary>
    public const string InteropPath = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";

    public const string PlotlyPath = "./_content/Plotly.Blazor/plotly-3.7.0.min.js";

    /// <summary>The JS half of <see cref="PlotlyChart"/>.</summary>
    public const string ChartModulePath = "./Components/Charts/PlotlyChart.razor.js";

    private Task<ChartModule?>? _module;
    private Task? _plotly;

    /// <summary>The module once imported (null before, or if the browser went away).</summary>
    public ChartModule? Module { get; private set; }

    /// <summary>Imports the chart module and probes WebGL, once; null if the browser is gone.</summary>
    public Task<ChartModule?> ModuleAsync() => _module ??= ImportModuleAsync();

    /// <summary>The module, then plotly.js, then the warm-up draws; completes when they are done (or could not be).</summary>
    public Task LoadAsync() => _plotly ??= LoadPlotlyAsync();

    private async Task<ChartModule?> ImportModuleAsync()
    {
        try
        {
            var reference = await js.InvokeAsync<IJSObjectReference>("import", ChartModulePath);
            var webGl = await reference.InvokeAsync<bool>("webGlUsable");
            Module = new ChartModule(reference, webGl);
            return Module;
        }
        catch (Exception ex) when (IsGone(ex) || ex is JSException)
        {
            // No module, no charts: each chart stops counting as drawing instead of holding the status.
            return null;
        }
    }

    private async Task LoadPlotlyAsync()
    {
        var module = await ModuleAsync();
        try
        {
            var interop = await js.InvokeAsync<IJSObjectReference>("import", InteropPath);
            await interop.InvokeVoidAsync("importScript", "plotly-import", PlotlyPath);
            if (module is not null)
            {
                await module.Reference.InvokeVoidAsync("warmUp");
            }
        }
        catch (Exception ex) when (IsGone(ex) || ex is JSException)
        {
            // Only a head start: a chart loads plotly.js itself when it needs it.
        }
    }

    private static bool IsGone(Exception ex) => ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException;
}
