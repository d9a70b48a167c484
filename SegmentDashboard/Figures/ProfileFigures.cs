using System.Collections.Immutable;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
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
        var trace = new HeatMap
        {
            X = FigureText.Values(features.Select(f => FigureText.Encode(f, 28))),
            Y = FigureText.Values(ordered.Select(p => SegmentLabel(p, names))),
            Z = FigureText.Values(z),
            Text = FigureText.Values(text),
            TextTemplate = features.Length <= 14 ? "%{text}" : string.Empty,
            ZMid = 0,
            ZMin = -2,
            ZMax = 2,
            ColorScale = FigureStyle.Diverging,
            XGap = 2,
            YGap = 2,
            ColorBar = new Plotly.Blazor.Traces.HeatMapLib.ColorBar { Title = new Plotly.Blazor.Traces.HeatMapLib.ColorBarLib.Title { Text = "SD" }, Thickness = 12 },
            HoverTemplate = "%{y}<br>%{x}<br>effect size %{z:.2f}<extra></extra>",
        };
        var featureWidth = FigureStyle.LabelWidth(features.Select(f => FigureText.Encode(f, 28)));
        var layout = FigureStyle.Layout(Math.Max(260, 110 + (ordered.Length * 30)), layout =>
        {
            layout.XAxis = [FigureStyle.XAxis(string.Empty, axis =>
            {
                axis.Side = Plotly.Blazor.LayoutLib.XAxisLib.SideEnum.Top;
                axis.TickAngle = -30;
            })];
            layout.YAxis = [FigureStyle.YAxis(string.Empty, axis => axis.AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed)];
            layout.Margin = FigureStyle.Margin(FigureStyle.LabelWidth(ordered.Select(p => SegmentLabel(p, names))), 16, FigureStyle.RotatedLabelDepth(featureWidth, 30), 16);
            layout.ShowLegend = false;
        });
        return new PlotlyFigure([trace], layout);
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

        var theta = FigureText.Values(features.Append(features[0]).Select(f => FigureText.Encode(f, 24)));
        var traces = ordered.Select(p => (ITrace)new ScatterPolar
        {
            Mode = Plotly.Blazor.Traces.ScatterPolarLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterPolarLib.ModeFlag.Markers,
            Fill = Plotly.Blazor.Traces.ScatterPolarLib.FillEnum.ToSelf,
            Opacity = 0.6m,
            Name = SegmentLabel(p, names),
            R = FigureText.Numbers(features.Append(features[0]).Select(f => Math.Clamp(Effect(p, f), -3, 3))),
            Theta = theta,
            Line = new Plotly.Blazor.Traces.ScatterPolarLib.Line { Color = SegmentPalette.Color(p.SegmentId) },
            HoverTemplate = "%{theta}: %{r:.2f}<extra>" + SegmentLabel(p, names) + "</extra>",
        }).ToImmutableArray();
        var layout = FigureStyle.Layout(420, layout =>
        {
            layout.Polar =
            [
                new Polar
                {
                    RadialAxis = new Plotly.Blazor.LayoutLib.PolarLib.RadialAxis
                    {
                        Range = [-2.5, 2.5], GridColor = FigureStyle.Grid,
                        TickFont = new Plotly.Blazor.LayoutLib.PolarLib.RadialAxisLib.TickFont { Size = 10 },
                    },
                    AngularAxis = new Plotly.Blazor.LayoutLib.PolarLib.AngularAxis { GridColor = FigureStyle.Grid },
                    BgColor = "rgba(0,0,0,0)",
                },
            ];
            layout.Margin = FigureStyle.Margin(48, 16, 32, 32);
            layout.Legend =
            [
                new Legend
                {
                    Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.V, X = 1.02m, Y = 1,
                    Font = new Plotly.Blazor.LayoutLib.LegendLib.Font { Size = 11 },
                },
            ];
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
