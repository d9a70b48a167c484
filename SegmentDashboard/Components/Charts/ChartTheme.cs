using PlotlyLayout = Plotly.Blazor.Layout;
using SegmentDashboard.State;

namespace SegmentDashboard.Components.Charts;

/// <summary>
/// The colours a chart takes from the dashboard's theme: paper and plot background, text and grid.
/// One palette per theme, applied to a whole layout (a first draw, a new figure) or sent alone as a
/// Plotly relayout when only the theme changed.
/// </summary>
public sealed record ChartTheme(string Paper, string Plot, string Text, string Grid)
{
    public static readonly ChartTheme Light = new("#ffffff", "#ffffff", "#1f2937", "#e5e7eb");

    /// <summary>On the dark palette's card surface, so a chart is not a grey box inside its navy card.</summary>
    public static readonly ChartTheme Dark = new("#182036", "#182036", "#e5e7eb", "#36415f");

    public static ChartTheme For(UiTheme theme) => theme == UiTheme.Dark ? Dark : Light;

    /// <summary>Sets the palette on <paramref name="layout"/> (a chart's own copy, never a figure's).</summary>
    public void ApplyTo(PlotlyLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.PaperBgColor = Paper;
        layout.PlotBgColor = Plot;
        layout.Font ??= new Plotly.Blazor.LayoutLib.Font();
        layout.Font.Color = Text;
        foreach (var axis in layout.XAxis ?? [])
        {
            axis.GridColor = Grid;
            axis.ZeroLineColor = Grid;
        }

        foreach (var axis in layout.YAxis ?? [])
        {
            axis.GridColor = Grid;
            axis.ZeroLineColor = Grid;
        }

        foreach (var polar in layout.Polar ?? [])
        {
            polar.RadialAxis?.GridColor = Grid;
            polar.AngularAxis?.GridColor = Grid;
        }
    }

    /// <summary>The same palette as a Plotly relayout update (attribute paths to values) for <paramref name="layout"/>'s axes.</summary>
    public Dictionary<string, object> Relayout(PlotlyLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var update = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["paper_bgcolor"] = Paper,
            ["plot_bgcolor"] = Plot,
            ["font.color"] = Text,
        };
        for (var i = 0; i < (layout.XAxis?.Count ?? 0); i++)
        {
            update[AxisName("xaxis", i) + ".gridcolor"] = Grid;
            update[AxisName("xaxis", i) + ".zerolinecolor"] = Grid;
        }

        for (var i = 0; i < (layout.YAxis?.Count ?? 0); i++)
        {
            update[AxisName("yaxis", i) + ".gridcolor"] = Grid;
            update[AxisName("yaxis", i) + ".zerolinecolor"] = Grid;
        }

        if (layout.Polar is { Count: > 0 })
        {
            update["polar.radialaxis.gridcolor"] = Grid;
            update["polar.angularaxis.gridcolor"] = Grid;
        }

        return update;
    }

    private static string AxisName(string axis, int index) =>
        index == 0 ? axis : axis + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
