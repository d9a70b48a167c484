using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Figures;

/// <summary>
/// Explore-tab charts. Histograms are binned on the server (only bins cross the wire), box plots
/// ship precomputed quartiles; with segment labels every chart is split by segment.
/// </summary>
public static class ExploreFigures
{
    private const int GridColumns = 3;

    /// <summary>One histogram per numeric column in a grid; stacked by segment when labels are given.</summary>
    public static PlotlyFigure Histograms(Dataset dataset, IReadOnlyList<string> columns, ImmutableArray<int>? rowLabels, IReadOnlyDictionary<int, string> names)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var numeric = columns.Select(dataset.Find).OfType<NumericColumn>().ToArray();
        if (numeric.Length == 0)
        {
            return PlotlyFigure.Message("The dataset has no numeric columns.");
        }

        var traces = new List<ImmutableDictionary<string, object?>>();
        var segments = SegmentIds(rowLabels);
        for (var c = 0; c < numeric.Length; c++)
        {
            var values = numeric[c].Values.AsSpan();
            var histogram = HistogramBuilder.FreedmanDiaconis(values);
            var centres = Enumerable.Range(0, histogram.BinCount).Select(b => (histogram.Edges[b] + histogram.Edges[b + 1]) / 2).ToArray();
            var widths = Enumerable.Range(0, histogram.BinCount).Select(b => histogram.Edges[b + 1] - histogram.Edges[b]).ToArray();
            var axis = AxisSuffix(c);
            if (segments.Length == 0)
            {
                traces.Add(Bars(centres, widths, histogram.Counts.ToArray(), "Customers", FigureStyle.Accent, axis, c == 0, "all"));
                continue;
            }

            foreach (var segment in segments)
            {
                var subset = Subset(values, rowLabels!.Value, segment);
                var counts = HistogramBuilder.WithEdges(subset, histogram.Edges).Counts.ToArray();
                traces.Add(Bars(centres, widths, counts, SegmentName(names, segment), SegmentPalette.Color(segment), axis, c == 0, "s" + segment));
            }
        }

        return Grid(traces, numeric.Select(n => n.Name).ToArray(), "Customers");
    }

    /// <summary>
    /// One bar chart per categorical or multi-valued column (top levels; a multi-valued cell counts
    /// once for each of its levels), stacked by segment when labels are given.
    /// </summary>
    public static PlotlyFigure CategoryBars(Dataset dataset, IReadOnlyList<string> columns, ImmutableArray<int>? rowLabels, IReadOnlyDictionary<int, string> names, int maxLevels = 12)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var categorical = columns.Select(dataset.Find).Where(c => c is CategoricalColumn or MultiCategoricalColumn).Cast<Column>().ToArray();
        if (categorical.Length == 0)
        {
            return PlotlyFigure.Message("The dataset has no categorical columns.");
        }

        var traces = new List<ImmutableDictionary<string, object?>>();
        var segments = SegmentIds(rowLabels);
        for (var c = 0; c < categorical.Length; c++)
        {
            var (levels, codesOf) = Levels(categorical[c]);
            var totals = CountLevels(levels.Length, dataset.RowCount, codesOf, _ => true);
            var top = Enumerable.Range(0, totals.Length).OrderByDescending(l => totals[l]).Take(maxLevels).ToArray();
            var x = top.Select(l => FigureText.Encode(levels[l], 32)).ToArray();
            var axis = AxisSuffix(c);
            if (segments.Length == 0)
            {
                traces.Add(Bars(x, null, top.Select(l => totals[l]).ToArray(), "Customers", FigureStyle.Accent, axis, c == 0, "all"));
                continue;
            }

            foreach (var segment in segments)
            {
                var counts = CountLevels(levels.Length, dataset.RowCount, codesOf, row => rowLabels!.Value[row] == segment);
                traces.Add(Bars(x, null, top.Select(l => counts[l]).ToArray(), SegmentName(names, segment), SegmentPalette.Color(segment), axis, c == 0, "s" + segment));
            }
        }

        return Grid(traces, categorical.Select(n => n.Name).ToArray(), "Customers");
    }

    private static (ImmutableArray<string> Levels, Func<int, IEnumerable<int>> CodesOf) Levels(Column column) => column switch
    {
        CategoricalColumn single => (single.Levels, row => single.Codes[row] >= 0 ? [single.Codes[row]] : []),
        MultiCategoricalColumn multi => (multi.Levels, row => multi.Codes[row].IsDefault ? [] : multi.Codes[row]),
        _ => throw new ArgumentException($"Column '{column.Name}' is not categorical.", nameof(column)),
    };

    private static int[] CountLevels(int levelCount, int rowCount, Func<int, IEnumerable<int>> codesOf, Func<int, bool> include)
    {
        var counts = new int[levelCount];
        for (var row = 0; row < rowCount; row++)
        {
            if (include(row))
            {
                foreach (var code in codesOf(row))
                {
                    counts[code]++;
                }
            }
        }

        return counts;
    }

    /// <summary>Pearson correlations as a diverging heatmap with the values written in the cells.</summary>
    public static PlotlyFigure Correlation(CorrelationMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var count = matrix.Names.Length;
        if (count < 2)
        {
            return PlotlyFigure.Message("Correlations need at least two numeric columns.");
        }

        var labels = matrix.Names.Select(n => FigureText.Encode(n, 24)).ToArray();
        var z = Enumerable.Range(0, count).Select(i => Enumerable.Range(0, count).Select(j => FigureText.Finite(matrix[i, j])).ToArray()).ToArray();
        var trace = PlotlyFigure.Dict(
            ("type", "heatmap"), ("x", labels), ("y", labels), ("z", z),
            ("zmin", -1), ("zmax", 1), ("zmid", 0), ("colorscale", FigureStyle.Diverging),
            ("text", z.Select(row => row.Select(v => v is { } d ? FigureText.Number(d, 2) : string.Empty).ToArray()).ToArray()),
            ("texttemplate", count <= 14 ? "%{text}" : string.Empty),
            ("colorbar", PlotlyFigure.Dict(("thickness", 12))),
            ("hovertemplate", "%{y} × %{x}<br>r = %{z:.3f}<extra></extra>"));
        var layout = FigureStyle.Layout(Math.Clamp(120 + (count * 34), 320, 720), new()
        {
            ["yaxis"] = FigureStyle.Axis(string.Empty, new() { ["autorange"] = "reversed" }),
            ["xaxis"] = FigureStyle.Axis(string.Empty, new() { ["tickangle"] = -40 }),
            ["showlegend"] = false,
        });
        return new PlotlyFigure(ImmutableArray.Create(trace), layout);
    }

    /// <summary>Horizontal box plots of <paramref name="valueColumn"/> per group (quartiles computed here, not shipped as points).</summary>
    /// <param name="groupOf">The group label of a row, or null to leave the row out.</param>
    /// <param name="groupOrder">Sort key of a group (e.g. the segment id); by name when null.</param>
    public static PlotlyFigure BoxPlot(NumericColumn valueColumn, Func<int, string?> groupOf, Func<string, string>? colourOf = null, Func<string, int>? groupOrder = null, int maxGroups = 15)
    {
        ArgumentNullException.ThrowIfNull(valueColumn);
        ArgumentNullException.ThrowIfNull(groupOf);
        var groups = new Dictionary<string, List<double>>();
        for (var row = 0; row < valueColumn.Count; row++)
        {
            var value = valueColumn.Values[row];
            if (double.IsNaN(value) || groupOf(row) is not { } group)
            {
                continue;
            }

            if (!groups.TryGetValue(group, out var values))
            {
                groups[group] = values = [];
            }

            values.Add(value);
        }

        if (groups.Count == 0)
        {
            return PlotlyFigure.Message("No values to plot.");
        }

        var traces = groups.OrderByDescending(g => g.Value.Count).Take(maxGroups)
            .OrderBy(g => groupOrder?.Invoke(g.Key) ?? 0).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var stats = BoxStatistics.Of(g.Value);
            var name = FigureText.Encode(g.Key, 28);
            return PlotlyFigure.Dict(
                ("type", "box"), ("name", name), ("y", new[] { name }), ("orientation", "h"),
                ("q1", new[] { stats.Q1 }), ("median", new[] { stats.Median }), ("q3", new[] { stats.Q3 }),
                ("lowerfence", new[] { stats.LowerFence }), ("upperfence", new[] { stats.UpperFence }), ("mean", new[] { stats.Mean }),
                ("boxpoints", false),
                ("marker", PlotlyFigure.Dict(("color", colourOf?.Invoke(g.Key) ?? FigureStyle.Accent))));
        }).ToImmutableArray();
        var layout = FigureStyle.Layout(Math.Max(280, 70 + (traces.Length * 30)), new()
        {
            ["xaxis"] = FigureStyle.Axis(FigureText.Encode(valueColumn.Name)),
            ["yaxis"] = FigureStyle.Axis(string.Empty, new() { ["autorange"] = "reversed", ["automargin"] = true }),
            ["showlegend"] = false,
            ["margin"] = PlotlyFigure.Dict(("l", 16), ("r", 16), ("t", 16), ("b", 48)),
        });
        return new PlotlyFigure(traces, layout);
    }

    private static ImmutableDictionary<string, object?> Bars(object x, double[]? widths, int[] counts, string name, string colour, string axis, bool showLegend, string group) =>
        PlotlyFigure.Dict(
            ("type", "bar"), ("name", name), ("x", x), ("y", counts), ("width", widths),
            ("xaxis", "x" + axis), ("yaxis", "y" + axis),
            ("marker", PlotlyFigure.Dict(("color", colour))),
            ("legendgroup", group), ("showlegend", showLegend),
            ("hovertemplate", "%{x}<br>%{y} customers<extra>" + name + "</extra>"));

    private static PlotlyFigure Grid(List<ImmutableDictionary<string, object?>> traces, string[] titles, string yTitle)
    {
        var columns = Math.Min(GridColumns, titles.Length);
        var rows = (titles.Length + columns - 1) / columns;
        var extra = new Dictionary<string, object?>
        {
            ["grid"] = PlotlyFigure.Dict(("rows", rows), ("columns", columns), ("pattern", "independent"), ("xgap", 0.12), ("ygap", 0.45)),
            ["barmode"] = "stack",
            ["bargap"] = 0.05,
            ["margin"] = PlotlyFigure.Dict(("l", 48), ("r", 16), ("t", 16), ("b", 40)),
        };
        for (var c = 0; c < titles.Length; c++)
        {
            var suffix = AxisSuffix(c);
            extra["xaxis" + suffix] = FigureStyle.Axis(FigureText.Encode(titles[c], 32), new() { ["title"] = PlotlyFigure.Dict(("text", FigureText.Encode(titles[c], 32)), ("standoff", 4)) });
            extra["yaxis" + suffix] = FigureStyle.Axis(c % columns == 0 ? yTitle : string.Empty);
        }

        return new PlotlyFigure(traces.ToImmutableArray(), FigureStyle.Layout(60 + (rows * 230), extra));
    }

    private static string AxisSuffix(int index) => index == 0 ? string.Empty : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int[] SegmentIds(ImmutableArray<int>? rowLabels) =>
        rowLabels is { IsDefault: false } labels ? labels.Distinct().Order().ToArray() : [];

    private static double[] Subset(ReadOnlySpan<double> values, ImmutableArray<int> labels, int segment)
    {
        var result = new List<double>();
        for (var i = 0; i < values.Length && i < labels.Length; i++)
        {
            if (labels[i] == segment)
            {
                result.Add(values[i]);
            }
        }

        return result.ToArray();
    }

    private static string SegmentName(IReadOnlyDictionary<int, string> names, int segment) =>
        FigureText.Encode(names.TryGetValue(segment, out var name) ? name : segment < 0 ? "Not segmented" : $"Segment {segment + 1}", 28);
}
