using System.Collections.Immutable;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Figures;

/// <summary>Elbow, quality-versus-k, per-sample silhouette and segment-size charts.</summary>
public static class EvaluationFigures
{
    /// <summary>Inertia versus k, the suggested k starred and the current k marked by a dashed line.</summary>
    public static PlotlyFigure Elbow(KSweepResult sweep, int currentK)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = sweep.Points;
        var traces = ImmutableArray.Create(
            PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines+markers"), ("name", "Inertia"),
                ("x", points.Select(p => p.K).ToArray()),
                ("y", points.Select(p => FigureText.Finite(p.Inertia)).ToArray()),
                ("line", PlotlyFigure.Dict(("color", FigureStyle.Accent), ("width", 2))),
                ("hovertemplate", "k = %{x}<br>inertia %{y:.1f}<extra></extra>")),
            SuggestedMarker(sweep, p => p.Inertia, "y"));
        var layout = FigureStyle.Layout(300, new()
        {
            ["xaxis"] = FigureStyle.Axis("Number of segments (k)", new() { ["dtick"] = 1 }),
            ["yaxis"] = FigureStyle.Axis("Inertia (within-segment sum of squares)"),
            ["shapes"] = new[] { CurrentKLine(currentK) },
        });
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>Silhouette (left axis) and Calinski–Harabasz (right axis) versus k, suggested k starred.</summary>
    public static PlotlyFigure QualityByK(KSweepResult sweep, int currentK)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = sweep.Points;
        var traces = ImmutableArray.Create(
            PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines+markers"), ("name", "Silhouette"),
                ("x", points.Select(p => p.K).ToArray()),
                ("y", points.Select(p => FigureText.Finite(p.Silhouette)).ToArray()),
                ("line", PlotlyFigure.Dict(("color", FigureStyle.Accent), ("width", 2))),
                ("hovertemplate", "k = %{x}<br>silhouette %{y:.3f}<extra></extra>")),
            PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines+markers"), ("name", "Calinski–Harabasz"), ("yaxis", "y2"),
                ("x", points.Select(p => p.K).ToArray()),
                ("y", points.Select(p => FigureText.Finite(p.CalinskiHarabasz)).ToArray()),
                ("line", PlotlyFigure.Dict(("color", "#f08a24"), ("width", 2), ("dash", "dot"))),
                ("hovertemplate", "k = %{x}<br>Calinski–Harabasz %{y:.1f}<extra></extra>")),
            SuggestedMarker(sweep, p => p.Silhouette, "y"));
        var layout = FigureStyle.Layout(300, new()
        {
            ["xaxis"] = FigureStyle.Axis("Number of segments (k)", new() { ["dtick"] = 1 }),
            ["yaxis"] = FigureStyle.Axis("Silhouette"),
            ["yaxis2"] = FigureStyle.Axis("Calinski–Harabasz", new() { ["overlaying"] = "y", ["side"] = "right", ["showgrid"] = false }),
            ["shapes"] = new[] { CurrentKLine(currentK) },
            ["margin"] = PlotlyFigure.Dict(("l", 56), ("r", 56), ("t", 24), ("b", 48)),
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

        var traces = new List<ImmutableDictionary<string, object?>>();
        var tickValues = new List<double>();
        var tickText = new List<string>();
        var offset = 0.0;
        foreach (var (segment, values) in bySegment)
        {
            values.Sort((a, b) => b.CompareTo(a));
            var shown = Downsampler.EvenlySpaced(values, maxPointsPerSegment);
            var step = (double)values.Count / shown.Length;
            var name = FigureText.Encode(names.TryGetValue(segment, out var n) ? n : $"Segment {segment + 1}");
            traces.Add(PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines"), ("fill", "tozerox"), ("name", name),
                ("x", shown),
                ("y", shown.Select((_, j) => offset + (j * step)).ToArray()),
                ("line", PlotlyFigure.Dict(("color", SegmentPalette.Color(segment)), ("width", 1))),
                ("fillcolor", SegmentPalette.Color(segment)),
                ("hovertemplate", "silhouette %{x:.3f}<extra>" + name + "</extra>")));
            tickValues.Add(offset + (values.Count / 2.0));
            tickText.Add(name);
            offset += values.Count + Math.Max(2, values.Count * 0.02);
        }

        var layout = FigureStyle.Layout(Math.Max(300, 60 + (bySegment.Count * 26)), new()
        {
            ["xaxis"] = FigureStyle.Axis("Silhouette coefficient", new() { ["range"] = new[] { -0.2, 1.0 } }),
            ["yaxis"] = FigureStyle.Axis(string.Empty, new() { ["tickvals"] = tickValues.ToArray(), ["ticktext"] = tickText.ToArray(), ["showgrid"] = false, ["autorange"] = "reversed", ["automargin"] = true }),
            ["showlegend"] = false,
            ["margin"] = PlotlyFigure.Dict(("l", 16), ("r", 16), ("t", 16), ("b", 48)),
            ["shapes"] = new[]
            {
                PlotlyFigure.Dict(
                    ("type", "line"), ("yref", "paper"), ("x0", FigureText.Finite(silhouette.Score)), ("x1", FigureText.Finite(silhouette.Score)), ("y0", 0), ("y1", 1),
                    ("line", PlotlyFigure.Dict(("color", "#e5484d"), ("dash", "dash"), ("width", 2)))),
            },
        });
        return new PlotlyFigure(traces.ToImmutableArray(), layout);
    }

    /// <summary>One horizontal bar per segment (first segment on top): size, with the share as bar text.</summary>
    public static PlotlyFigure Sizes(IReadOnlyList<SegmentProfile> profiles, IReadOnlyDictionary<int, string> names)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var ordered = profiles.OrderBy(p => p.SegmentId).ToArray();
        var labels = ordered.Select(p => FigureText.Encode(names.TryGetValue(p.SegmentId, out var n) ? n : p.Name, 36)).ToArray();
        var trace = PlotlyFigure.Dict(
            ("type", "bar"), ("name", "Customers"), ("orientation", "h"),
            ("y", labels),
            ("x", ordered.Select(p => p.Size).ToArray()),
            ("text", ordered.Select(p => FigureText.Percent(p.Share)).ToArray()),
            ("textposition", "auto"),
            ("marker", PlotlyFigure.Dict(("color", ordered.Select(p => SegmentPalette.Color(p.SegmentId)).ToArray()))),
            ("hovertemplate", "%{y}<br>%{x} customers (%{text})<extra></extra>"));
        var layout = FigureStyle.Layout(Math.Max(220, 60 + (ordered.Length * 26)), new()
        {
            ["xaxis"] = FigureStyle.Axis("Customers"),
            ["yaxis"] = FigureStyle.Axis(string.Empty, new() { ["autorange"] = "reversed", ["automargin"] = true }),
            ["showlegend"] = false,
            ["margin"] = PlotlyFigure.Dict(("l", 16), ("r", 16), ("t", 16), ("b", 48)),
        });
        return new PlotlyFigure(ImmutableArray.Create(trace), layout);
    }

    private static ImmutableDictionary<string, object?> SuggestedMarker(KSweepResult sweep, Func<KSweepPoint, double> value, string axis)
    {
        var point = sweep.Points.FirstOrDefault(p => p.K == sweep.SuggestedK);
        return PlotlyFigure.Dict(
            ("type", "scatter"), ("mode", "markers"), ("name", $"Suggested k = {sweep.SuggestedK}"), ("yaxis", axis),
            ("x", point is null ? Array.Empty<int>() : new[] { point.K }),
            ("y", point is null ? Array.Empty<double?>() : new[] { FigureText.Finite(value(point)) }),
            ("marker", PlotlyFigure.Dict(("symbol", "star"), ("size", 16), ("color", "#f5b301"), ("line", PlotlyFigure.Dict(("color", "#7a5a00"), ("width", 1))))),
            ("hovertext", FigureText.Encode(sweep.Reason, 200)),
            ("hovertemplate", "Suggested k = %{x}<br>%{hovertext}<extra></extra>"));
    }

    private static ImmutableDictionary<string, object?> CurrentKLine(int k) => PlotlyFigure.Dict(
        ("type", "line"), ("yref", "paper"), ("x0", k), ("x1", k), ("y0", 0), ("y1", 1),
        ("line", PlotlyFigure.Dict(("color", "#9aa3ad"), ("dash", "dash"), ("width", 1.5))));
}
