using System.Collections.Immutable;
using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Clustering;

namespace SegmentDashboard.Figures;

/// <summary>
/// A dendrogram drawn like SciPy's: leaves every 10 units, one U per merge. Large trees are
/// truncated to the last <c>maxLeaves - 1</c> merges (SciPy's "lastp"); a leaf then shows its size.
/// A dashed horizontal line marks the cut that gives the current k.
/// </summary>
public static class DendrogramFigure
{
    public const int DefaultMaxLeaves = 40;

    /// <summary>The height of the cut giving <paramref name="clusterCount"/> clusters: midway between the merges around it.</summary>
    public static double CutHeight(Dendrogram dendrogram, int clusterCount)
    {
        ArgumentNullException.ThrowIfNull(dendrogram);
        var merges = dendrogram.Merges;
        var m = merges.Length;
        if (m == 0)
        {
            return 0;
        }

        var k = Math.Clamp(clusterCount, 1, m + 1);
        if (k == 1)
        {
            return merges[m - 1].Height * 1.05;
        }

        var upper = merges[m - k + 1].Height;
        var lower = m - k >= 0 ? merges[m - k].Height : 0;
        return (lower + upper) / 2;
    }

    /// <param name="leafLabels">Optional cluster of each leaf (e.g. <c>Cut(k)</c>): links under the cut take its colour.</param>
    public static PlotlyFigure Build(Dendrogram dendrogram, int clusterCount, ImmutableArray<int>? leafLabels = null, int maxLeaves = DefaultMaxLeaves)
    {
        ArgumentNullException.ThrowIfNull(dendrogram);
        var n = dendrogram.LeafCount;
        var merges = dendrogram.Merges;
        if (merges.IsDefaultOrEmpty)
        {
            return PlotlyFigure.Message("The dendrogram needs at least two rows.");
        }

        var m = merges.Length;
        var shownLeaves = Math.Clamp(maxLeaves, 2, m + 1);
        var firstShownMerge = m - (shownLeaves - 1);
        var cut = CutHeight(dendrogram, clusterCount);
        var segments = new Dictionary<int, (List<double?> X, List<double?> Y)>();
        var tickValues = new List<object>();
        var tickText = new List<object>();

        (double X, double Y) Place(int id)
        {
            if (id >= n && id - n >= firstShownMerge)
            {
                var merge = merges[id - n];
                var (xl, yl) = Place(merge.Left);
                var (xr, yr) = Place(merge.Right);
                var colour = merge.Height <= cut && leafLabels is { IsDefault: false } labels ? labels[FirstLeaf(id)] : -2;
                if (!segments.TryGetValue(colour, out var line))
                {
                    segments[colour] = line = ([], []);
                }

                line.X.AddRange([xl, xl, xr, xr, null]);
                line.Y.AddRange([yl, merge.Height, merge.Height, yr, null]);
                return ((xl + xr) / 2, merge.Height);
            }

            var x = 5.0 + (10.0 * tickValues.Count);
            tickValues.Add(x);
            tickText.Add(id < n ? "#" + (id + 1).ToString(CultureInfo.InvariantCulture) : "(" + merges[id - n].Size.ToString(CultureInfo.InvariantCulture) + ")");
            return (x, 0);
        }

        int FirstLeaf(int id)
        {
            while (id >= n)
            {
                id = merges[id - n].Left;
            }

            return id;
        }

        Place(n + m - 1);
        var traces = segments
            .OrderBy(s => s.Key == -2 ? int.MaxValue : s.Key)
            .Select(s => (ITrace)new Scatter
            {
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Name = s.Key == -2 ? "Above the cut" : $"Segment {s.Key + 1}",
                X = FigureText.Values(s.Value.X), Y = FigureText.Values(s.Value.Y),
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = s.Key == -2 ? "#6b7280" : SegmentPalette.Color(s.Key), Width = 1.5m },
                HoverTemplate = "height %{y:.3f}<extra></extra>",
            })
            .ToImmutableArray();
        var truncated = shownLeaves < n;
        var layout = FigureStyle.Layout(360, layout =>
        {
            layout.XAxis =
            [
                FigureStyle.XAxis(
                    truncated ? $"Top {shownLeaves - 1} merges; (n) = customers under a branch" : "Customers (row number)",
                    axis =>
                    {
                        axis.TickVals = tickValues;
                        axis.TickText = tickText;
                        axis.ShowGrid = false;
                        axis.ZeroLine = false;
                        axis.TickAngle = -60;
                    }),
            ];
            layout.YAxis = [FigureStyle.YAxis("Merge height (" + dendrogram.Method.ToString().ToLowerInvariant() + " linkage)")];
            layout.ShowLegend = false;
            layout.Margin = FigureStyle.Margin(56, 16, 36, FigureStyle.RotatedLabelDepth(FigureStyle.LabelWidth(tickText.Select(t => (string)t)), 60) + 24);
            layout.Shapes = [FigureStyle.Line(0, 1, cut, cut, "#e5484d", 2, xPaper: true)];
            layout.Annotations =
            [
                new Annotation
                {
                    XRef = "paper", X = 1, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right,
                    Y = cut, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom, ShowArrow = false,
                    Text = $"cut for k = {clusterCount.ToString(CultureInfo.InvariantCulture)}",
                    Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = "#e5484d" },
                },
            ];
        });
        return new PlotlyFigure(traces, layout);
    }
}
