using System.Collections.Immutable;
using SegmentDashboard.Core.Clustering;

namespace SegmentDashboard.Figures;

/// <summary>DBSCAN's k-distance plot (with its suggested eps) and its eps sweep.</summary>
public static class DbscanFigures
{
    /// <summary>Points drawn of the k-distance curve: enough to show its knee at any row count.</summary>
    public const int MaxCurvePoints = 600;

    /// <summary>The sorted k-distance curve, the knee starred and the current eps as a dashed line.</summary>
    public static PlotlyFigure KDistance(KDistanceCurve curve, double currentEps)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var n = curve.Distances.Length;
        var step = Math.Max(1, n / MaxCurvePoints);
        var indices = Enumerable.Range(0, (n + step - 1) / step).Select(i => i * step).Append(n - 1).Distinct().ToArray();
        var traces = ImmutableArray.Create(
            PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines"), ("name", "k-distance"),
                ("x", indices.Select(i => (double)i / Math.Max(1, n - 1) * 100).ToArray()),
                ("y", indices.Select(i => curve.Distances[i]).ToArray()),
                ("line", PlotlyFigure.Dict(("color", FigureStyle.Accent), ("width", 2))),
                ("hovertemplate", "%{x:.0f}% of customers<br>distance %{y:.3f}<extra></extra>")),
            PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "markers"), ("name", "Suggested eps"),
                ("x", new[] { (double)curve.KneeIndex / Math.Max(1, n - 1) * 100 }),
                ("y", new[] { curve.SuggestedEps }),
                ("marker", PlotlyFigure.Dict(("symbol", "star"), ("size", 14), ("color", "#f08a24"))),
                ("hovertemplate", "suggested eps %{y:.3f}<extra></extra>")));
        var layout = FigureStyle.Layout(300, new()
        {
            ["xaxis"] = FigureStyle.Axis("Customers, sorted by that distance (%)"),
            ["yaxis"] = FigureStyle.Axis($"Distance to the {curve.MinSamples}th neighbour"),
            ["shapes"] = new[] { HorizontalLine(currentEps) },
        });
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>Segments found (left axis) and noise share (right axis) per eps; the current eps dashed.</summary>
    public static PlotlyFigure Sweep(ImmutableArray<EpsSweepPoint> points, double currentEps)
    {
        var traces = ImmutableArray.Create(
            PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines+markers"), ("name", "Segments"),
                ("x", points.Select(p => p.Eps).ToArray()),
                ("y", points.Select(p => p.Segments).ToArray()),
                ("line", PlotlyFigure.Dict(("color", FigureStyle.Accent), ("width", 2))),
                ("hovertemplate", "eps %{x:.3f}<br>%{y} segments<extra></extra>")),
            PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines+markers"), ("name", "Noise share"), ("yaxis", "y2"),
                ("x", points.Select(p => p.Eps).ToArray()),
                ("y", points.Select(p => p.NoiseShare * 100).ToArray()),
                ("line", PlotlyFigure.Dict(("color", "#f08a24"), ("width", 2), ("dash", "dot"))),
                ("hovertemplate", "eps %{x:.3f}<br>%{y:.0f}% noise<extra></extra>")));
        var layout = FigureStyle.Layout(300, new()
        {
            ["xaxis"] = FigureStyle.Axis("eps"),
            ["yaxis"] = FigureStyle.Axis("Segments found", new() { ["rangemode"] = "tozero" }),
            ["yaxis2"] = FigureStyle.Axis("Noise (%)", new() { ["overlaying"] = "y", ["side"] = "right", ["showgrid"] = false, ["range"] = new[] { 0, 100 } }),
            ["shapes"] = new[] { VerticalLine(currentEps) },
            ["margin"] = PlotlyFigure.Dict(("l", 56), ("r", 56), ("t", 24), ("b", 48)),
        });
        return new PlotlyFigure(traces, layout);
    }

    private static ImmutableDictionary<string, object?> HorizontalLine(double y) => PlotlyFigure.Dict(
        ("type", "line"), ("xref", "paper"), ("x0", 0), ("x1", 1), ("y0", y), ("y1", y),
        ("line", PlotlyFigure.Dict(("color", "#9aa3ad"), ("dash", "dash"), ("width", 1.5))));

    private static ImmutableDictionary<string, object?> VerticalLine(double x) => PlotlyFigure.Dict(
        ("type", "line"), ("yref", "paper"), ("x0", x), ("x1", x), ("y0", 0), ("y1", 1),
        ("line", PlotlyFigure.Dict(("color", "#9aa3ad"), ("dash", "dash"), ("width", 1.5))));
}
