using System.Collections.Immutable;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
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

        var traces = new List<ITrace>();
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
                traces.Add(Bars(FigureText.Numbers(centres), widths, histogram.Counts.ToArray(), "Customers", FigureStyle.Accent, axis, c == 0, "all"));
                continue;
            }

            foreach (var segment in segments)
            {
                var subset = Subset(values, rowLabels!.Value, segment);
                var counts = HistogramBuilder.WithEdges(subset, histogram.Edges).Counts.ToArray();
                traces.Add(Bars(FigureText.Numbers(centres), widths, counts, SegmentName(names, segment), SegmentPalette.Color(segment), axis, c == 0, "s" + segment));
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

        var traces = new List<ITrace>();
        var segments = SegmentIds(rowLabels);
        for (var c = 0; c < categorical.Length; c++)
        {
            var (levels, codesOf) = Levels(categorical[c]);
            var totals = CountLevels(levels.Length, dataset.RowCount, codesOf, _ => true);
            var top = Enumerable.Range(0, totals.Length).OrderByDescending(l => totals[l]).Take(maxLevels).ToArray();
            var x = FigureText.Values(top.Select(l => FigureText.Encode(levels[l], 32)));
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

        var labelWidth = FigureStyle.LabelWidth(traces.OfType<Bar>().SelectMany(bar => bar.X.Select(x => x?.ToString() ?? string.Empty)));
        return Grid(traces, categorical.Select(n => n.Name).ToArray(), "Customers", labelWidth);
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

        var labels = FigureText.Values(matrix.Names.Select(n => FigureText.Encode(n, 24)));
        var z = Enumerable.Range(0, count).Select(i => Enumerable.Range(0, count).Select(j => FigureText.Finite(matrix[i, j])).ToArray()).ToArray();
        var trace = new HeatMap
        {
            X = labels, Y = labels, Z = FigureText.Values(z),
            ZMin = -1, ZMax = 1, ZMid = 0, ColorScale = FigureStyle.Diverging,
            Text = FigureText.Values(z.Select(row => row.Select(v => v is { } d ? FigureText.Number(d, 2) : string.Empty).ToArray())),
            TextTemplate = count <= 14 ? "%{text}" : string.Empty,
            ColorBar = new Plotly.Blazor.Traces.HeatMapLib.ColorBar { Thickness = 12 },
            HoverTemplate = "%{y} × %{x}<br>r = %{z:.3f}<extra></extra>",
        };
        var labelWidth = FigureStyle.LabelWidth(matrix.Names.Select(n => FigureText.Encode(n, 24)));
        var layout = FigureStyle.Layout(Math.Clamp(120 + (count * 34), 320, 720), layout =>
        {
            layout.YAxis = [FigureStyle.YAxis(string.Empty, axis => axis.AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed)];
            layout.XAxis = [FigureStyle.XAxis(string.Empty, axis => axis.TickAngle = -40)];
            layout.ShowLegend = false;
            layout.Margin = FigureStyle.Margin(labelWidth, 16, 16, FigureStyle.RotatedLabelDepth(labelWidth, 40));
        });
        return new PlotlyFigure([trace], layout);
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
            return (ITrace)new Box
            {
                Name = name, Y = [name], Orientation = Plotly.Blazor.Traces.BoxLib.OrientationEnum.H,
                Q1 = [stats.Q1], Median = [stats.Median], Q3 = [stats.Q3],
                LowerFence = [stats.LowerFence], UpperFence = [stats.UpperFence], Mean = [stats.Mean],
                BoxPoints = Plotly.Blazor.Traces.BoxLib.BoxPointsEnum.False,
                Marker = new Plotly.Blazor.Traces.BoxLib.Marker { Color = colourOf?.Invoke(g.Key) ?? FigureStyle.Accent },
            };
        }).ToImmutableArray();
        var layout = FigureStyle.Layout(Math.Max(280, 70 + (traces.Length * 30)), layout =>
        {
            layout.XAxis = [FigureStyle.XAxis(FigureText.Encode(valueColumn.Name))];
            layout.YAxis = [FigureStyle.YAxis(string.Empty, axis => axis.AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed)];
            layout.ShowLegend = false;
            layout.Margin = FigureStyle.Margin(FigureStyle.LabelWidth(traces.Select(trace => ((Box)trace).Name)), 16, 16, 48);
        });
        return new PlotlyFigure(traces, layout);
    }

    private static Bar Bars(IEnumerable<object> x, double[]? widths, int[] counts, string name, string colour, string axis, bool showLegend, string group) => new()
    {
        Name = name, X = x.ToList(), Y = FigureText.Values(counts),
        WidthArray = widths?.Select(w => (decimal?)FigureText.Decimal(w)).ToList(),
        XAxis = "x" + axis, YAxis = "y" + axis,
        Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = colour },
        LegendGroup = group, ShowLegend = showLegend,
        HoverTemplate = "%{x}<br>%{y} customers<extra>" + name + "</extra>",
    };

    /// <summary>Height in px of one small multiple's plot area in the grid.</summary>
    private const int RowPlotHeight = 150;

    /// <summary>Height in px under a small multiple for its (unslanted) tick labels and axis title.</summary>
    private const int RowGapHeight = 62;

    /// <param name="xLabelWidth">Width of the widest category label (categories are slanted when wider than a short word), or null for numeric axes.</param>
    private static PlotlyFigure Grid(List<ITrace> traces, string[] titles, string yTitle, int? xLabelWidth = null)
    {
        var slant = xLabelWidth > FigureStyle.LabelWidth(["Category"]) ? -30 : 0;
        var labelDepth = xLabelWidth is { } width ? FigureStyle.RotatedLabelDepth(width, slant) : 0;
        var columns = Math.Min(GridColumns, titles.Length);
        var rows = (titles.Length + columns - 1) / columns;
        // Each row: the plot, then its tick labels and axis title (the gap, as a fraction of the row).
        var rowHeight = RowPlotHeight + RowGapHeight + labelDepth;
        var gap = (decimal)(RowGapHeight + labelDepth) / rowHeight;
        var layout = FigureStyle.Layout(60 + (rows * rowHeight), layout =>
        {
            layout.Grid = new Plotly.Blazor.LayoutLib.Grid { Rows = rows, Columns = columns, Pattern = Plotly.Blazor.LayoutLib.GridLib.PatternEnum.Independent, XGap = 0.12m, YGap = Math.Round(gap, 3) };
            layout.BarMode = BarModeEnum.Stack;
            layout.BarGap = 0.05m;
            layout.Margin = FigureStyle.Margin(48, 16, 16, 40 + labelDepth);
            layout.XAxis = titles.Select(title => FigureStyle.XAxis(FigureText.Encode(title, 32), axis =>
            {
                axis.Title.Standoff = 4;
                if (xLabelWidth is not null)
                {
                    axis.TickAngle = slant;
                }
            })).ToList();
            layout.YAxis = titles.Select((_, c) => FigureStyle.YAxis(c % columns == 0 ? yTitle : string.Empty)).ToList();
        });
        return new PlotlyFigure(traces.ToImmutableArray(), layout);
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
