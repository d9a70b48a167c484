using System.Collections.Immutable;

namespace SegmentDashboard.Figures;

/// <summary>Shared look of every figure: fonts, margins, transparent background, axis style.</summary>
public static class FigureStyle
{
    public const string Text = "#1f2937";

    public const string MutedText = "#6b7280";

    public const string Grid = "#e5e7eb";

    public const string Accent = "#4f6bed";

    /// <summary>Diverging scale for correlations and z-scores: blue below zero, white at zero, red above.</summary>
    public static readonly string[][] Diverging =
    [
        ["0", "#2166ac"], ["0.25", "#92c5de"], ["0.5", "#f7f7f7"], ["0.75", "#f4a582"], ["1", "#b2182b"],
    ];

    /// <summary>A layout with the house style plus <paramref name="extra"/> entries (which win).</summary>
    public static ImmutableDictionary<string, object?> Layout(int height, Dictionary<string, object?>? extra = null)
    {
        var layout = new Dictionary<string, object?>
        {
            ["height"] = height,
            ["autosize"] = true,
            ["margin"] = PlotlyFigure.Dict(("l", 56), ("r", 16), ("t", 36), ("b", 48)),
            ["paper_bgcolor"] = "rgba(0,0,0,0)",
            ["plot_bgcolor"] = "rgba(0,0,0,0)",
            ["font"] = PlotlyFigure.Dict(("family", "Inter, 'Segoe UI', system-ui, sans-serif"), ("size", 12), ("color", Text)),
            ["hoverlabel"] = PlotlyFigure.Dict(("font", PlotlyFigure.Dict(("size", 12))), ("align", "left")),
            ["legend"] = PlotlyFigure.Dict(("orientation", "h"), ("y", 1.02), ("yanchor", "bottom"), ("x", 0), ("font", PlotlyFigure.Dict(("size", 11)))),
            ["showlegend"] = true,
        };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                layout[key] = value;
            }
        }

        return layout.ToImmutableDictionary();
    }

    /// <summary>An axis with a title and the house grid style.</summary>
    public static ImmutableDictionary<string, object?> Axis(string title, Dictionary<string, object?>? extra = null)
    {
        var axis = new Dictionary<string, object?>
        {
            ["title"] = PlotlyFigure.Dict(("text", title)),
            ["gridcolor"] = Grid,
            ["zerolinecolor"] = Grid,
            ["automargin"] = true,
        };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                axis[key] = value;
            }
        }

        return axis.ToImmutableDictionary();
    }
}
