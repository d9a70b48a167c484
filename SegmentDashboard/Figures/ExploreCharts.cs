using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Figures;

/// <summary>
/// The Explore tab's charts as data: for a dataset, the segment labels it is coloured by and the
/// user's choices, one <see cref="FigureRequest"/> per chart (its cache key and how to build it).
/// The page and the start-up warm-up ask here, so both build the same figures under the same keys.
/// </summary>
public static class ExploreCharts
{
    /// <summary>The box plot's "by segment" choice (not a column name: starts with a control character).</summary>
    public const string SegmentGroup = "\u0001segment";

    public const string Histogram = "histogram";
    public const string Categories = "categories";
    public const string Correlation = "correlation";
    public const string Box = "box";
    public const string Scatter = "scatter";

    /// <summary>Columns drawn in one grid chart (histograms, category bars).</summary>
    public const int MaxGridCharts = 12;

    /// <summary>
    /// Points in the Explore scatter (SVG, stratified per segment): SVG draws 2,000 points in about a
    /// third of the time a software-rendered WebGL canvas needs (BENCHMARKS.md), and this chart is a
    /// look at two columns, not the segment map.
    /// </summary>
    public const int MaxScatterPoints = 2_500;

    public static string[] NumericColumns(Dataset dataset) =>
        dataset.Columns.Where(c => c is NumericColumn { Kind: ColumnKind.Numeric }).Select(c => c.Name).ToArray();

    public static string[] CategoricalColumns(Dataset dataset) =>
        dataset.Columns.OfType<CategoricalColumn>().Select(c => c.Name).ToArray();

    public static string[] BarColumns(Dataset dataset) =>
        dataset.Columns.Where(c => c is CategoricalColumn or MultiCategoricalColumn).Select(c => c.Name).ToArray();

    /// <summary>
    /// One request per chart. <paramref name="colourLabels"/>: labels the charts are split by (null:
    /// not coloured by segment); <paramref name="segmentLabels"/>: the result's labels for this
    /// dataset whatever the colouring (the box plot "by segment").
    /// </summary>
    public static ImmutableArray<FigureRequest> Requests(
        Dataset dataset,
        ImmutableArray<int>? colourLabels,
        ImmutableArray<int>? segmentLabels,
        IReadOnlyDictionary<int, string> names,
        ExploreChoices choices)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(choices);
        var namesKey = string.Join('\u001f', names.OrderBy(n => n.Key).Select(n => n.Value));
        var numeric = NumericColumns(dataset).Take(MaxGridCharts).ToArray();
        var bars = BarColumns(dataset).Take(MaxGridCharts).ToArray();
        var colour = Array(colourLabels);
        var requests = ImmutableArray.CreateBuilder<FigureRequest>();
        requests.Add(new(new(Histogram, colour, namesKey), () => ExploreFigures.Histograms(dataset, numeric, colourLabels, names)));
        if (bars.Length > 0)
        {
            requests.Add(new(new(Categories, colour, namesKey), () => ExploreFigures.CategoryBars(dataset, bars, colourLabels, names)));
        }

        requests.Add(new(new(Correlation, null, string.Empty), () => ExploreFigures.Correlation(CorrelationMatrix.Compute(dataset))));
        requests.Add(BoxRequest(dataset, segmentLabels, names, namesKey, choices));
        requests.Add(choices.ScatterX is { } x && choices.ScatterY is { } y
            ? new(new(Scatter, colour, string.Join('\u001f', x, y, namesKey)), () => ScatterFigures.Columns(dataset, x, y, colourLabels, names, MaxScatterPoints, webGl: false))
            : new(new(Scatter, null, string.Empty), () => PlotlyFigure.Message("The dataset has no numeric columns.")));
        return requests.ToImmutable();
    }

    private static FigureRequest BoxRequest(Dataset dataset, ImmutableArray<int>? segmentLabels, IReadOnlyDictionary<int, string> names, string namesKey, ExploreChoices choices)
    {
        if (choices.BoxValue is not { } value || dataset.Find(value) is not NumericColumn column || choices.BoxGroup is not { } group)
        {
            return new(new(Box, null, "none"), () => PlotlyFigure.Message("Box plots need a numeric and a categorical column."));
        }

        var key = new FigureKey(Box, group == SegmentGroup ? Array(segmentLabels) : null, string.Join('\u001f', value, group, namesKey));
        return new(key, () =>
        {
            if (group == SegmentGroup && segmentLabels is { } rows)
            {
                var byName = names.ToDictionary(n => n.Value, n => n.Key);
                return ExploreFigures.BoxPlot(
                    column,
                    row => rows[row] >= 0 && names.TryGetValue(rows[row], out var name) ? name : null,
                    name => SegmentPalette.Color(byName.TryGetValue(name, out var id) ? id : 0),
                    name => byName.TryGetValue(name, out var id) ? id : int.MaxValue);
            }

            return dataset.Find(group) is CategoricalColumn category
                ? ExploreFigures.BoxPlot(column, row => category.Codes[row] < 0 ? null : category.Levels[category.Codes[row]])
                : PlotlyFigure.Message("Pick a categorical column.");
        });
    }

    private static int[]? Array(ImmutableArray<int>? labels) =>
        labels is { IsDefault: false } given ? ImmutableCollectionsMarshal.AsArray(given) : null;
}
