using System.Collections.Immutable;
using System.Globalization;
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
        var tickValues = new List<double>();
        var tickText = new List<string>();

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
            .Select(s => PlotlyFigure.Dict(
                ("type", "scatter"), ("mode", "lines"),
                ("name", s.Key == -2 ? "Above the cut" : $"Segment {s.Key + 1}"),
                ("x", s.Value.X.ToArray()), ("y", s.Value.Y.ToArray()),
                ("line", PlotlyFigure.Dict(("color", s.Key == -2 ? "#6b7280" : SegmentPalette.Color(s.Key)), ("width", 1.5))),
                ("hovertemplate", "height %{y:.3f}<extra></extra>")))
            .ToImmutableArray();
        var truncated = shownLeaves < n;
        var layout = FigureStyle.Layout(360, new()
        {
            ["xaxis"] = FigureStyle.Axis(
                truncated ? $"Top {shownLeaves - 1} merges; (n) = customers under a branch" : "Customers (row number)",
                new() { ["tickvals"] = tickValues.ToArray(), ["ticktext"] = tickText.ToArray(), ["showgrid"] = false, ["zeroline"] = false, ["tickangle"] = -60 }),
            ["yaxis"] = FigureStyle.Axis("Merge height (" + dendrogram.Method.ToString().ToLowerInvariant() + " linkage)"),
            ["showlegend"] = false,
            ["shapes"] = new[]
            {
                PlotlyFigure.Dict(
                    ("type", "line"), ("xref", "paper"), ("x0", 0), ("x1", 1), ("y0", cut), ("y1", cut),
                    ("line", PlotlyFigure.Dict(("color", "#e5484d"), ("dash", "dash"), ("width", 2)))),
            },
            ["annotations"] = new[]
            {
                PlotlyFigure.Dict(
                    ("xref", "paper"), ("x", 1), ("xanchor", "right"), ("y", cut), ("yanchor", "bottom"), ("showarrow", false),
                    ("text", $"cut for k = {clusterCount.ToString(CultureInfo.InvariantCulture)}"), ("font", PlotlyFigure.Dict(("color", "#e5484d")))),
            },
        });
        return new PlotlyFigure(traces, layout);
    }
}
