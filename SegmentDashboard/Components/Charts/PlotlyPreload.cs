using Microsoft.JSInterop;

namespace SegmentDashboard.Components.Charts;

/// <summary>
/// Starts loading plotly.js (5 MB, the strict bundle served under Plotly.Blazor's path) as soon as
/// the dashboard shell is up, through Plotly.Blazor's own interop module, so the first tab with
/// charts does not wait for the download and parse. The same module instance and script element
/// are the ones Plotly.Blazor's charts use afterwards (same URLs), so they see it as loaded.
/// </summary>
public static class PlotlyPreload
{
    /// <summary>Plotly.Blazor 7.2.0's interop module and plotly.js paths, exactly as it imports them.</summary>
    public const string InteropPath = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";

    public const string PlotlyPath = "./_content/Plotly.Blazor/plotly-3.7.0.min.js";

    public static async Task StartAsync(IJSRuntime js)
    {
        ArgumentNullException.ThrowIfNull(js);
        try
        {
            var interop = await js.InvokeAsync<IJSObjectReference>("import", InteropPath);
            await interop.InvokeVoidAsync("importScript", "plotly-import", PlotlyPath);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException or TaskCanceledException or ObjectDisposedException)
        {
            // Only a head start: a chart loads plotly.js itself when it needs it.
        }
    }
}
