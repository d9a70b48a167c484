using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;

namespace SegmentDashboard.Components.Charts;

/// <summary>The Plotly config every chart shares: a mode bar on hover with the PNG camera, no logo.</summary>
public static class ChartConfig
{
    /// <summary>The same config as Plotly JSON, for the charts' first draw (PlotlyChart.razor.js <c>draw</c>).</summary>
    public static readonly string Json = System.Text.Json.JsonSerializer.Serialize(Create(), SegmentDashboard.Figures.PlotlyFigure.JsonOptions);

    public static Config Create() => new()
    {
        Responsive = false,
        DisplayLogo = false,
        DisplayModeBar = DisplayModeBarEnum.Hover,
        ModeBarButtonsToRemove = new[] { "select2d", "lasso2d", "autoScale2d", "toggleSpikelines" },
        ToImageButtonOptions = new Dictionary<string, object> { ["format"] = "png", ["scale"] = 2 },
    };
}
