using System.Collections.Immutable;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Clustering;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMode = Plotly.Blazor.Traces.ScatterLib.ModeFlag;

namespace SegmentDashboard.Figures;

/// <summary>DBSCAN's k-distance plot (with its suggested eps) and its eps sweep.</summary>
public static class DbscanFigures
{
    /// <summary>Points drawn of the k-distance curve: enough to show its knee at any row count.</summary>
    public const int MaxCurvePoints = 600;

    private const string NoiseColour = "#f08a24";

    /// <summary>The sorted k-distance curve, the knee starred and the current eps as a dashed line.</summary>
    public static PlotlyFigure KDistance(KDistanceCurve curve, double currentEps)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var n = curve.Distances.Length;
        var step = Math.Max(1, n / MaxCurvePoints);
        var indices = Enumerable.Range(0, (n + step - 1) / step).Select(i => i * step).Append(n - 1).Distinct().ToArray();
        double Percent(int index) => (double)index / Math.Max(1, n - 1) * 100;
        ImmutableArray<ITrace> traces =
        [
            new Scatter
            {
                Mode = ScatterMode.Lines, Name = "k-distance",
                X = FigureText.Rounded(indices.Select(Percent), 3),
                Y = FigureText.Numbers(indices.Select(i => curve.Distances[i])),
                Line = new ScatterLine { Color = FigureStyle.Accent, Width = 2 },
                HoverTemplate = "%{x:.0f}% of customers<br>distance %{y:.3f}<extra></extra>",
            },
            new Scatter
            {
                Mode = ScatterMode.Markers, Name = "Suggested eps",
                X = FigureText.Numbers([Percent(curve.KneeIndex)]),
                Y = FigureText.Numbers([curve.SuggestedEps]),
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
                {
                    Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Star, Size = 14, Color = NoiseColour,
                },
                HoverTemplate = "suggested eps %{y:.3f}<extra></extra>",
            },
        ];
        var layout = FigureStyle.Layout(300, layout =>
        {
            layout.XAxis = [FigureStyle.XAxis("Customers, sorted by that distance (%)")];
            layout.YAxis = [FigureStyle.YAxis($"Distance to the {curve.MinSamples}th neighbour")];
            layout.Shapes = [FigureStyle.Line(0, 1, FigureText.Finite(currentEps), FigureText.Finite(currentEps), "#9aa3ad", 1.5m, xPaper: true)];
        });
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>Segments found (left axis) and noise share (right axis) per eps; the current eps dashed.</summary>
    public static PlotlyFigure Sweep(ImmutableArray<EpsSweepPoint> points, double currentEps)
    {
        ImmutableArray<ITrace> traces =
        [
            new Scatter
            {
                Mode = ScatterMode.Lines | ScatterMode.Markers, Name = "Segments",
                X = FigureText.Numbers(points.Select(p => p.Eps)),
                Y = FigureText.Values(points.Select(p => p.Segments)),
                Line = new ScatterLine { Color = FigureStyle.Accent, Width = 2 },
                HoverTemplate = "eps %{x:.3f}<br>%{y} segments<extra></extra>",
            },
            new Scatter
            {
                Mode = ScatterMode.Lines | ScatterMode.Markers, Name = "Noise share", YAxis = "y2",
                X = FigureText.Numbers(points.Select(p => p.Eps)),
                Y = FigureText.Numbers(points.Select(p => p.NoiseShare * 100)),
                Line = new ScatterLine { Color = NoiseColour, Width = 2, Dash = "dot" },
                HoverTemplate = "eps %{x:.3f}<br>%{y:.0f}% noise<extra></extra>",
            },
        ];
        var layout = FigureStyle.Layout(300, layout =>
        {
            layout.XAxis = [FigureStyle.XAxis("eps")];
            layout.YAxis =
            [
                FigureStyle.YAxis("Segments found", axis => axis.RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero),
                FigureStyle.YAxis("Noise (%)", axis =>
                {
                    axis.Overlaying = "y";
                    axis.Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right;
                    axis.ShowGrid = false;
                    axis.Range = [0, 100];
                }),
            ];
            layout.Shapes = [FigureStyle.Line(FigureText.Finite(currentEps), FigureText.Finite(currentEps), 0, 1, "#9aa3ad", 1.5m, yPaper: true)];
            layout.Margin = FigureStyle.Margin(56, 56, 24, 48);
        });
        return new PlotlyFigure(traces, layout);
    }
}
