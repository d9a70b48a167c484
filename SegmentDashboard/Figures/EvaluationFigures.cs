using System.Collections.Immutable;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Core.Segmentation;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMode = Plotly.Blazor.Traces.ScatterLib.ModeFlag;

namespace SegmentDashboard.Figures;

/// <summary>Elbow, quality-versus-k, per-sample silhouette and segment-size charts.</summary>
public static class EvaluationFigures
{
    /// <summary>Inertia versus k, the suggested k starred and the current k marked by a dashed line.</summary>
    public static PlotlyFigure Elbow(KSweepResult sweep, int currentK)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = sweep.Points;
        ImmutableArray<ITrace> traces =
        [
            new Scatter
            {
                Mode = ScatterMode.Lines | ScatterMode.Markers, Name = "Inertia",
                X = FigureText.Values(points.Select(p => p.K)),
                Y = FigureText.Numbers(points.Select(p => p.Inertia)),
                Line = new ScatterLine { Color = FigureStyle.Accent, Width = 2 },
                HoverTemplate = "k = %{x}<br>inertia %{y:.1f}<extra></extra>",
            },
            SuggestedMarker(sweep, p => p.Inertia, "y"),
        ];
        var layout = FigureStyle.Layout(300, layout =>
        {
            layout.XAxis = [FigureStyle.XAxis("Number of segments (k)", axis => axis.DTick = 1)];
            layout.YAxis = [FigureStyle.YAxis("Inertia (within-segment sum of squares)")];
            layout.Shapes = [CurrentKLine(currentK)];
        });
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>Silhouette (left axis) and Calinski–Harabasz (right axis) versus k, suggested k starred.</summary>
    public static PlotlyFigure QualityByK(KSweepResult sweep, int currentK)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = sweep.Points;
        ImmutableArray<ITrace> traces =
        [
            new Scatter
            {
                Mode = ScatterMode.Lines | ScatterMode.Markers, Name = "Silhouette",
                X = FigureText.Values(points.Select(p => p.K)),
                Y = FigureText.Numbers(points.Select(p => p.Silhouette)),
                Line = new ScatterLine { Color = FigureStyle.Accent, Width = 2 },
                HoverTemplate = "k = %{x}<br>silhouette %{y:.3f}<extra></extra>",
            },
            new Scatter
            {
                Mode = ScatterMode.Lines | ScatterMode.Markers, Name = "Calinski–Harabasz", YAxis = "y2",
                X = FigureText.Values(points.Select(p => p.K)),
                Y = FigureText.Numbers(points.Select(p => p.CalinskiHarabasz)),
                Line = new ScatterLine { Color = "#f08a24", Width = 2, Dash = "dot" },
                HoverTemplate = "k = %{x}<br>Calinski–Harabasz %{y:.1f}<extra></extra>",
            },
            SuggestedMarker(sweep, p => p.Silhouette, "y"),
        ];
        var layout = FigureStyle.Layout(300, layout =>
        {
            layout.XAxis = [FigureStyle.XAxis("Number of segments (k)", axis => axis.DTick = 1)];
            layout.YAxis =
            [
                FigureStyle.YAxis("Silhouette"),
                FigureStyle.YAxis("Calinski–Harabasz", axis =>
                {
                    axis.Overlaying = "y";
                    axis.Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right;
                    axis.ShowGrid = false;
                }),
            ];
            layout.Shapes = [CurrentKLine(currentK)];
            layout.Margin = FigureStyle.Margin(56, 56, 24, 48);
        });
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>
    /// Per-sample silhouettes, one filled band per segment sorted high to low (sampled values when the
    /// result is sampled); the dashed line is the mean score.
    /// </summary>
    public static PlotlyFigure PerSample(SilhouetteResult silhouette, IReadOnlyList<int> labels, IReadOnlyDictionary<int, string> names, int maxPointsPerSegment = 120)
    {
        ArgumentNullException.ThrowIfNull(silhouette);
        ArgumentNullException.ThrowIfNull(labels);
        var bySegment = new SortedDictionary<int, List<double>>();
        for (var i = 0; i < silhouette.PerSample.Length; i++)
        {
            var row = silhouette.SampleRows.IsDefaultOrEmpty ? i : silhouette.SampleRows[i];
            var label = row < labels.Count ? labels[row] : -1;
            var value = silhouette.PerSample[i];
            if (label < 0 || !double.IsFinite(value))
            {
                continue;
            }

            if (!bySegment.TryGetValue(label, out var values))
            {
                bySegment[label] = values = [];
            }

            values.Add(value);
        }

        if (bySegment.Count == 0)
        {
            return PlotlyFigure.Message("The silhouette needs at least two segments.");
        }

        var traces = ImmutableArray.CreateBuilder<ITrace>();
        var tickValues = new List<object>();
        var tickText = new List<object>();
        var offset = 0.0;
        foreach (var (segment, values) in bySegment)
        {
            values.Sort((a, b) => b.CompareTo(a));
            var shown = Downsampler.EvenlySpaced(values, maxPointsPerSegment);
            var step = (double)values.Count / shown.Length;
            var name = FigureText.Encode(names.TryGetValue(segment, out var n) ? n : $"Segment {segment + 1}");
            var start = offset;
            traces.Add(new Scatter
            {
                Mode = ScatterMode.Lines, Fill = Plotly.Blazor.Traces.ScatterLib.FillEnum.ToZeroX, Name = name,
                X = FigureText.Rounded(shown, 4),
                Y = FigureText.Rounded(shown.Select((_, j) => start + (j * step)), 4),
                Line = new ScatterLine { Color = SegmentPalette.Color(segment), Width = 1 },
                FillColor = SegmentPalette.Color(segment),
                HoverTemplate = "silhouette %{x:.3f}<extra>" + name + "</extra>",
            });
            tickValues.Add(offset + (values.Count / 2.0));
            tickText.Add(FigureText.Wrap(name));
            offset += values.Count + Math.Max(2, values.Count * 0.02);
        }

        var layout = FigureStyle.Layout(Math.Max(300, 60 + (bySegment.Count * 26)), layout =>
        {
            layout.XAxis = [FigureStyle.XAxis("Silhouette coefficient", axis => axis.Range = [-0.2, 1.0])];
            layout.YAxis = [FigureStyle.YAxis(string.Empty, axis =>
            {
                axis.TickVals = tickValues;
                axis.TickText = tickText;
                axis.ShowGrid = false;
                axis.AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed;
            })];
            layout.ShowLegend = false;
            layout.Margin = FigureStyle.Margin(FigureStyle.LabelWidth(tickText.Select(t => t.ToString() ?? string.Empty)), 16, 16, 48);
            layout.Shapes = [FigureStyle.Line(FigureText.Finite(silhouette.Score), FigureText.Finite(silhouette.Score), 0, 1, "#e5484d", 2, yPaper: true)];
        });
        return new PlotlyFigure(traces.ToImmutable(), layout);
    }

    /// <summary>Colour of the DBSCAN noise bar: a neutral grey, not a segment colour.</summary>
    public const string NoiseColor = "#9aa0a6";

    /// <summary>The sizes of a result's segments, and for DBSCAN a last "Noise" bar with the customers in no segment.</summary>
    public static PlotlyFigure Sizes(SegmentationResult result, IReadOnlyDictionary<int, string> names)
    {
        ArgumentNullException.ThrowIfNull(result);
        var noise = result.Request.Algorithm == ClusteringAlgorithm.Dbscan
            ? (Customers: result.Labels.Count(label => label < 0), Share: result.NoiseShare)
            : ((int Customers, double Share)?)null;
        return Sizes(result.Profiles, names, noise);
    }

    /// <summary>One horizontal bar per segment (first segment on top): size, with the share as bar text; then the noise bar when given.</summary>
    public static PlotlyFigure Sizes(IReadOnlyList<SegmentProfile> profiles, IReadOnlyDictionary<int, string> names, (int Customers, double Share)? noise = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var ordered = profiles.OrderBy(p => p.SegmentId).ToArray();
        var bars = ordered
            .Select(p => (Label: FigureText.Wrap(FigureText.Encode(names.TryGetValue(p.SegmentId, out var n) ? n : p.Name, 36)), Size: p.Size, p.Share, Color: SegmentPalette.Color(p.SegmentId)))
            .ToList();
        if (noise is { } extra)
        {
            bars.Add(("Noise", extra.Customers, extra.Share, NoiseColor));
        }

        var trace = new Bar
        {
            Name = "Customers",
            Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
            Y = FigureText.Values(bars.Select(b => b.Label)),
            X = FigureText.Values(bars.Select(b => b.Size)),
            TextArray = bars.Select(b => FigureText.Percent(b.Share)).ToList(),
            TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Auto,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = FigureText.Values(bars.Select(b => b.Color)) },
            HoverTemplate = "%{y}<br>%{x} customers (%{text})<extra></extra>",
        };
        // A bar's label may take two lines (FigureText.Wrap): 34 px a bar leaves room for them.
        var layout = FigureStyle.Layout(Math.Max(220, 60 + (bars.Count * 34)), layout =>
        {
            layout.XAxis = [FigureStyle.XAxis("Customers")];
            layout.YAxis = [FigureStyle.YAxis(string.Empty, axis => axis.AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed)];
            layout.ShowLegend = false;
            layout.Margin = FigureStyle.Margin(FigureStyle.LabelWidth(bars.Select(b => b.Label)), 16, 16, 48);
        });
        return new PlotlyFigure([trace], layout);
    }

    private static Scatter SuggestedMarker(KSweepResult sweep, Func<KSweepPoint, double> value, string axis)
    {
        var point = sweep.Points.FirstOrDefault(p => p.K == sweep.SuggestedK);
        return new Scatter
        {
            Mode = ScatterMode.Markers, Name = $"Suggested k = {sweep.SuggestedK}", YAxis = axis,
            X = point is null ? [] : [point.K],
            Y = point is null ? [] : FigureText.Numbers([value(point)]),
            Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
            {
                Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Star, Size = 16, Color = "#f5b301",
                Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#7a5a00", Width = 1 },
            },
            HoverText = FigureText.Encode(sweep.Reason, 200),
            HoverTemplate = "Suggested k = %{x}<br>%{hovertext}<extra></extra>",
        };
    }

    private static Plotly.Blazor.LayoutLib.Shape CurrentKLine(int k) => FigureStyle.Line(k, k, 0, 1, "#9aa3ad", 1.5m, yPaper: true);
}
