using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterGlLib;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Figures;

/// <summary>
/// Segment scatters: in PCA space or on two chosen columns; one WebGL trace per segment, downsampled
/// per segment on the server so every segment stays visible and the point count stays bounded.
/// </summary>
public static class ScatterFigures
{
    /// <summary>The result's rows in the first two principal components (axis titles give explained variance).</summary>
    public static PlotlyFigure Pca(SegmentationResult result, IReadOnlyDictionary<int, string> names, int maxPoints = Downsampler.DefaultMaxPoints)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scores = result.Projection.Scores;
        if (scores.Rows == 0)
        {
            return PlotlyFigure.Message("No rows to plot.");
        }

        var ratio = result.Projection.ExplainedVarianceRatio;
        var hasSecond = scores.Columns > 1;
        var xs = new double[scores.Rows];
        var ys = new double[scores.Rows];
        for (var i = 0; i < scores.Rows; i++)
        {
            xs[i] = scores[i, 0];
            ys[i] = hasSecond ? scores[i, 1] : 0;
        }

        var xTitle = $"PC1 ({FigureText.Percent(ratio.Length > 0 ? ratio[0] : double.NaN)} of variance)";
        var yTitle = hasSecond ? $"PC2 ({FigureText.Percent(ratio[1])} of variance)" : "PC2 (not available)";
        return Build(result.Dataset, xs, ys, result.Labels, result.Prepared.SourceRows, names, xTitle, yTitle, maxPoints);
    }

    /// <summary>The dataset's rows on two numeric columns, coloured by segment (null labels: one colour).</summary>
    public static PlotlyFigure Columns(
        Dataset dataset,
        string xColumn,
        string yColumn,
        ImmutableArray<int>? rowLabels,
        IReadOnlyDictionary<int, string> names,
        int maxPoints = Downsampler.DefaultMaxPoints,
        bool webGl = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Find(xColumn) is not NumericColumn x || dataset.Find(yColumn) is not NumericColumn y)
        {
            return PlotlyFigure.Message("Pick two numeric columns.");
        }

        var labels = rowLabels is { IsDefault: false } given && given.Length == dataset.RowCount
            ? given
            : ImmutableArray.CreateRange(Enumerable.Repeat(0, dataset.RowCount));
        var sourceRows = Enumerable.Range(0, dataset.RowCount).ToImmutableArray();
        var segmentNames = rowLabels is null ? new Dictionary<int, string> { [0] = "Customers" } : names;
        return Build(dataset, x.Values.ToArray(), y.Values.ToArray(), labels, sourceRows, segmentNames, FigureText.Encode(xColumn), FigureText.Encode(yColumn), maxPoints, webGl);
    }

    private static PlotlyFigure Build(
        Dataset dataset,
        double[] xs,
        double[] ys,
        ImmutableArray<int> labels,
        ImmutableArray<int> sourceRows,
        IReadOnlyDictionary<int, string> names,
        string xTitle,
        string yTitle,
        int maxPoints,
        bool webGl = true)
    {
        var picked = Downsampler.Stratified(labels, maxPoints);
        var traces = ImmutableArray.CreateBuilder<ITrace>();
        foreach (var group in picked.GroupBy(i => labels[i]).OrderBy(g => g.Key < 0 ? int.MaxValue : g.Key))
        {
            var rows = group.ToArray();
            var name = FigureText.Encode(names.TryGetValue(group.Key, out var n) ? n : group.Key < 0 ? "Noise" : $"Segment {group.Key + 1}");
            // WebGL (drawn by Plotly's strict bundle, which needs no 'unsafe-eval'); the chart turns it
            // into SVG where WebGL is unusable, which the downsampling keeps light enough.
            var trace = new ScatterGl
            {
                Mode = ModeFlag.Markers,
                Name = name,
                X = FigureText.Rounded(rows.Select(i => xs[i])),
                Y = FigureText.Rounded(rows.Select(i => ys[i])),
                CustomData = FigureText.Values(rows.Select(i => sourceRows[i])),
                HoverTemplate = "%{text}<extra>" + name + "</extra>",
                Marker = new Marker { Color = SegmentPalette.Color(group.Key), Size = 6, Opacity = 0.75m },
            };
            traces.Add(webGl ? trace : Svg(trace));
        }

        var downsampled = picked.Length < labels.Length;
        var layout = FigureStyle.Layout(440, layout =>
        {
            layout.XAxis = [FigureStyle.XAxis(xTitle)];
            layout.YAxis = [FigureStyle.YAxis(yTitle)];
            layout.HoverMode = HoverModeEnum.Closest;
            if (downsampled)
            {
                // Downsampled: the legend says so (every segment keeps points, so every segment is listed).
                layout.Legend = [FigureStyle.HorizontalLegend(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Showing {picked.Length:N0} of {labels.Length:N0} customers, sampled per segment:"))];
            }
        });
        var hoverColumns = HoverText.Columns(dataset);
        var ids = picked.Select(i => sourceRows[i]).ToImmutableArray();
        return new PlotlyFigure(traces.ToImmutable(), layout) { Rows = new RowTexts(dataset, ids, row => HoverText.Row(hoverColumns, row)) };
    }

    /// <summary>The same points as an SVG scatter (the two trace types share Plotly's attribute names; only "type" differs).</summary>
    private static Scatter Svg(ScatterGl trace)
    {
        var json = PlotlyFigure.TraceJson(trace);
        json.Remove("type");
        return json.Deserialize<Scatter>(PlotlyFigure.JsonOptions)!;
    }
}
