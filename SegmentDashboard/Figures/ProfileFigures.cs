using System.Collections.Immutable;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Figures;

/// <summary>Profile charts: the z-score heatmap (features x segments) and a radar of the top traits.</summary>
public static class ProfileFigures
{
    /// <summary>Rows are segments, columns features (most distinguishing first), cells the effect size (z).</summary>
    public static PlotlyFigure ZScoreHeatmap(IReadOnlyList<SegmentProfile> profiles, IReadOnlyDictionary<int, string> names, int maxFeatures = 20)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var ordered = profiles.OrderBy(p => p.SegmentId).ToArray();
        var features = RankedFeatures(ordered, maxFeatures);
        if (ordered.Length == 0 || features.Length == 0)
        {
            return PlotlyFigure.Message("No numeric features to profile.");
        }

        var z = ordered.Select(p => features.Select(f => FigureText.Finite(Effect(p, f))).ToArray()).ToArray();
        var text = z.Select(row => row.Select(v => v is { } d ? FigureText.Number(d, 1) : string.Empty).ToArray()).ToArray();
        var trace = PlotlyFigure.Dict(
            ("type", "heatmap"),
            ("x", features.Select(f => FigureText.Encode(f, 28)).ToArray()),
            ("y", ordered.Select(p => SegmentLabel(p, names)).ToArray()),
            ("z", z),
            ("text", text),
            ("texttemplate", features.Length <= 14 ? "%{text}" : string.Empty),
            ("zmid", 0),
            ("zmin", -2),
            ("zmax", 2),
            ("colorscale", FigureStyle.Diverging),
            ("xgap", 2),
            ("ygap", 2),
            ("colorbar", PlotlyFigure.Dict(("title", PlotlyFigure.Dict(("text", "SD"))), ("thickness", 12))),
            ("hovertemplate", "%{y}<br>%{x}<br>effect size %{z:.2f}<extra></extra>"));
        var layout = FigureStyle.Layout(Math.Max(260, 110 + (ordered.Length * 30)), new()
        {
            ["xaxis"] = FigureStyle.Axis(string.Empty, new() { ["side"] = "top", ["tickangle"] = -30 }),
            ["yaxis"] = FigureStyle.Axis(string.Empty, new() { ["autorange"] = "reversed" }),
            ["margin"] = PlotlyFigure.Dict(("l", 16), ("r", 16), ("t", 16), ("b", 16)),
            ["showlegend"] = false,
        });
        return new PlotlyFigure(ImmutableArray.Create(trace), layout);
    }

    /// <summary>One closed polygon per segment over the most distinguishing features (effect sizes).</summary>
    public static PlotlyFigure Radar(IReadOnlyList<SegmentProfile> profiles, IReadOnlyDictionary<int, string> names, int maxFeatures = 8)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var ordered = profiles.OrderBy(p => p.SegmentId).ToArray();
        var features = RankedFeatures(ordered, maxFeatures);
        if (ordered.Length == 0 || features.Length < 3)
        {
            return PlotlyFigure.Message("The radar needs at least three numeric features.");
        }

        var theta = features.Append(features[0]).Select(f => FigureText.Encode(f, 24)).ToArray();
        var traces = ordered.Select(p => PlotlyFigure.Dict(
            ("type", "scatterpolar"),
            ("mode", "lines+markers"),
            ("fill", "toself"),
            ("opacity", 0.6),
            ("name", SegmentLabel(p, names)),
            ("r", features.Append(features[0]).Select(f => FigureText.Finite(Math.Clamp(Effect(p, f), -3, 3))).ToArray()),
            ("theta", theta),
            ("line", PlotlyFigure.Dict(("color", SegmentPalette.Color(p.SegmentId)))),
            ("hovertemplate", "%{theta}: %{r:.2f}<extra>" + SegmentLabel(p, names) + "</extra>"))).ToImmutableArray();
        var layout = FigureStyle.Layout(420, new()
        {
            ["polar"] = PlotlyFigure.Dict(
                ("radialaxis", PlotlyFigure.Dict(("range", new[] { -2.5, 2.5 }), ("gridcolor", FigureStyle.Grid), ("tickfont", PlotlyFigure.Dict(("size", 10))))),
                ("angularaxis", PlotlyFigure.Dict(("gridcolor", FigureStyle.Grid))),
                ("bgcolor", "rgba(0,0,0,0)")),
            ["margin"] = PlotlyFigure.Dict(("l", 48), ("r", 16), ("t", 32), ("b", 32)),
            ["legend"] = PlotlyFigure.Dict(("orientation", "v"), ("x", 1.02), ("y", 1), ("font", PlotlyFigure.Dict(("size", 11)))),
        });
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>Feature names, most distinguishing (largest |effect| in any segment) first.</summary>
    public static string[] RankedFeatures(IReadOnlyList<SegmentProfile> profiles, int maxFeatures) =>
        profiles.SelectMany(p => p.Traits)
            .GroupBy(t => t.Feature)
            .Select(g => (Feature: g.Key, Max: g.Max(t => double.IsFinite(t.EffectSize) ? Math.Abs(t.EffectSize) : 0)))
            .OrderByDescending(f => f.Max)
            .ThenBy(f => f.Feature, StringComparer.Ordinal)
            .Take(maxFeatures)
            .Select(f => f.Feature)
            .ToArray();

    private static double Effect(SegmentProfile profile, string feature) =>
        profile.Traits.FirstOrDefault(t => t.Feature == feature)?.EffectSize ?? double.NaN;

    private static string SegmentLabel(SegmentProfile profile, IReadOnlyDictionary<int, string> names) =>
        FigureText.Encode(names.TryGetValue(profile.SegmentId, out var name) ? name : profile.Name, 28);
}
