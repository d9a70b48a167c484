using System.Text.Json;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Charts;

/// <summary>
/// Where the browser has no usable WebGL (some VMs, remote desktops, projectors' browsers), a
/// WebGL scatter becomes the same SVG scatter instead of Plotly's "WebGL is not supported" box.
/// </summary>
public static class WithoutWebGl
{
    public static ITrace Trace(ITrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace is not ScatterGl gl)
        {
            return trace;
        }

        // The two types share Plotly's attribute names; only "type" differs.
        var json = PlotlyFigure.TraceJson(gl);
        json.Remove("type");
        return json.Deserialize<Scatter>(PlotlyFigure.JsonOptions)!;
    }
}
