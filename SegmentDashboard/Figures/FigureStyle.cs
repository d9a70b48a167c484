using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace SegmentDashboard.Figures;

/// <summary>
/// Shared look of every figure: fonts, margins, transparent background, axis style. Margins are
/// sized here, from the labels, instead of by Plotly's <c>automargin</c>: automargin measures the
/// labels after a first layout and lays the figure out again, which roughly doubles every draw
/// (headless Chromium, quiet 2-core machine: the Explore histogram grid 209 ms with it, 82 ms
/// without; the Explore scatter 134 ms and 56 ms; BENCHMARKS.md).
/// </summary>
public static class FigureStyle
{
    public const string Text = "#1f2937";

    public const string MutedText = "#6b7280";

    public const string Grid = "#e5e7eb";

    public const string Accent = "#4f6bed";

    public const string FontFamily = "Inter, 'Segoe UI', system-ui, sans-serif";

    /// <summary>Diverging scale for correlations and z-scores: blue below zero, white at zero, red above.</summary>
    public static readonly object[][] Diverging =
    [
        [0, "#2166ac"], [0.25, "#92c5de"], [0.5, "#f7f7f7"], [0.75, "#f4a582"], [1, "#b2182b"],
    ];

    /// <summary>A layout with the house style; <paramref name="configure"/> adds or overrides entries.</summary>
    public static Layout Layout(int height, Action<Layout>? configure = null)
    {
        var layout = new Layout
        {
            Height = height,
            AutoSize = true,
            Margin = Margin(56, 16, 36, 48),
            PaperBgColor = "rgba(0,0,0,0)",
            PlotBgColor = "rgba(0,0,0,0)",
            Font = new Font { Family = FontFamily, Size = 12, Color = Text },
            HoverLabel = new HoverLabel { Font = new Plotly.Blazor.LayoutLib.HoverLabelLib.Font { Size = 12 }, Align = Plotly.Blazor.LayoutLib.HoverLabelLib.AlignEnum.Left },
            Legend = [HorizontalLegend()],
            ShowLegend = true,
        };
        configure?.Invoke(layout);
        return layout;
    }

    /// <summary>The house legend: one row above the plot.</summary>
    public static Legend HorizontalLegend(string? title = null) => new()
    {
        Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
        Y = 1.02m,
        YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
        X = 0,
        Font = new Plotly.Blazor.LayoutLib.LegendLib.Font { Size = 11 },
        Title = title is null ? null : new Plotly.Blazor.LayoutLib.LegendLib.Title { Text = title },
    };

    public static Margin Margin(int left, int right, int top, int bottom) => new() { L = left, R = right, T = top, B = bottom };

    /// <summary>Pixels a column of tick labels needs in the house font (12 px; about 7 px a character, generous for capitals), plus the tick gap; a label's longest line counts.</summary>
    public static int LabelWidth(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var longest = labels
            .SelectMany(label => label.Split("<br>", StringSplitOptions.None))
            .Select(line => System.Net.WebUtility.HtmlDecode(line).Length)
            .DefaultIfEmpty(0)
            .Max();
        return 14 + (longest * 7);
    }

    /// <summary>Pixels tick labels of <paramref name="width"/> take across the axis when drawn at <paramref name="angleDegrees"/>.</summary>
    public static int RotatedLabelDepth(int width, double angleDegrees) =>
        16 + (int)Math.Ceiling(width * Math.Abs(Math.Sin(angleDegrees * Math.PI / 180)));

    /// <summary>A horizontal axis with a title and the house grid style.</summary>
    public static XAxis XAxis(string title, Action<XAxis>? configure = null)
    {
        var axis = new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = title },
            GridColor = Grid,
            ZeroLineColor = Grid,
        };
        configure?.Invoke(axis);
        return axis;
    }

    /// <summary>A vertical axis with a title and the house grid style.</summary>
    public static YAxis YAxis(string title, Action<YAxis>? configure = null)
    {
        var axis = new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = title },
            GridColor = Grid,
            ZeroLineColor = Grid,
        };
        configure?.Invoke(axis);
        return axis;
    }

    /// <summary>A dashed line from (x0, y0) to (x1, y1); paper coordinates where asked (0..1 across the plot).</summary>
    public static Shape Line(object? x0, object? x1, object? y0, object? y1, string colour, decimal width, bool xPaper = false, bool yPaper = false) => new()
    {
        Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
        XRef = xPaper ? "paper" : null,
        YRef = yPaper ? "paper" : null,
        X0 = x0,
        X1 = x1,
        Y0 = y0,
        Y1 = y1,
        Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = colour, Dash = "dash", Width = width },
    };
}
