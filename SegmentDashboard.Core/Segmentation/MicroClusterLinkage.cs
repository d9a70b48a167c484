using System.Collections.Immutable;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// Agglomerative clustering of K-means micro-clusters, each weighted by how many customers it
/// holds (nearest-neighbour chain over an m x m distance table, m = number of micro-clusters).
/// </summary>
/// <remarks>
/// Ward starts from the Ward distance between two clusters of sizes a and b,
/// sqrt(2ab / (a + b)) · ‖centre_a − centre_b‖, and updates with Lance–Williams using the
/// customer counts: it is exactly Ward's method on the customers once each micro-cluster is
/// treated as an already-merged cluster. Average linkage weights by customer counts too but,
/// like complete and single linkage, measures between micro-cluster centres (an approximation of
/// the customer-level distances). Leaves of the returned dendrogram are micro-clusters; merge
/// sizes count micro-clusters, as a SciPy linkage over them would.
/// </remarks>
internal static class MicroClusterLinkage
{
    public static Dendrogram Fit(FeatureMatrix centres, IReadOnlyList<long> weights, LinkageMethod method, CancellationToken cancellationToken)
    {
        var m = centres.Rows;
        if (m < 2)
        {
            return new Dendrogram(m, method, [], m == 1 ? [0] : []);
        }

        var table = new double[(long)m * (m - 1) / 2];
        long Index(int i, int j) => i < j
            ? ((long)i * ((2L * m) - i - 1) / 2) + (j - i - 1)
            : ((long)j * ((2L * m) - j - 1) / 2) + (i - j - 1);

        for (var i = 0; i < m; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = centres.Row(i);
            for (var j = i + 1; j < m; j++)
            {
                var b = centres.Row(j);
                var squared = 0.0;
                for (var f = 0; f < a.Length; f++)
                {
                    var diff = a[f] - b[f];
                    squared += diff * diff;
                }

                var distance = Math.Sqrt(squared);
                if (method == LinkageMethod.Ward)
                {
                    double wi = weights[i], wj = weights[j];
                    distance *= Math.Sqrt(2 * wi * wj / (wi + wj));
                }

                table[Index(i, j)] = distance;
            }
        }

        var size = weights.Select(w => (double)w).ToArray();
        var leaves = Enumerable.Repeat(1, m).ToArray();
        var node = Enumerable.Range(0, m).ToArray();
        var active = Enumerable.Repeat(true, m).ToArray();
        var merges = new List<(int A, int B, double Height, int Leaves)>(m - 1);
        var chain = new NearestNeighbourChain(m);
        int FirstActive() => Array.IndexOf(active, true);
        (int, double) Nearest(int x, int previous)
        {
            var best = previous;
            var bestDistance = previous >= 0 ? table[Index(x, previous)] : double.PositiveInfinity;
            for (var y = 0; y < m; y++)
            {
                if (!active[y] || y == x)
                {
                    continue;
                }

                var distance = table[Index(x, y)];
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = y;
                }
            }

            return (best, bestDistance);
        }

        while (merges.Count < m - 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (p, q, height) = chain.NextPair(FirstActive, Nearest);
            var (keep, drop) = p < q ? (p, q) : (q, p);
            merges.Add((node[keep], node[drop], height, leaves[keep] + leaves[drop]));

            double nk = size[keep], nd = size[drop];
            for (var y = 0; y < m; y++)
            {
                if (!active[y] || y == keep || y == drop)
                {
                    continue;
                }

                double dk = table[Index(keep, y)], dd = table[Index(drop, y)], ny = size[y];
                table[Index(keep, y)] = method switch
                {
                    LinkageMethod.Ward => Math.Sqrt(Math.Max(0,
                        (((ny + nk) * dk * dk) + ((ny + nd) * dd * dd) - (ny * height * height)) / (ny + nk + nd))),
                    LinkageMethod.Complete => Math.Max(dk, dd),
                    LinkageMethod.Single => Math.Min(dk, dd),
                    _ => ((nk * dk) + (nd * dd)) / (nk + nd),
                };
            }

            active[drop] = false;
            size[keep] = nk + nd;
            leaves[keep] += leaves[drop];
            node[keep] = m + merges.Count - 1;
        }

        return ToDendrogram(m, method, merges);
    }

    /// <summary>Sorts merges by height (stable) and renumbers clusters as SciPy does.</summary>
    private static Dendrogram ToDendrogram(int m, LinkageMethod method, List<(int A, int B, double Height, int Leaves)> merges)
    {
        var order = Enumerable.Range(0, merges.Count).OrderBy(t => merges[t].Height).ThenBy(t => t).ToArray();
        var newId = new int[merges.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            newId[order[rank]] = m + rank;
        }

        int Map(int id) => id < m ? id : newId[id - m];
        var sorted = order.Select(t =>
        {
            var (a, b) = (Map(merges[t].A), Map(merges[t].B));
            return new DendrogramMerge(Math.Min(a, b), Math.Max(a, b), merges[t].Height, merges[t].Leaves);
        }).ToImmutableArray();

        // Leaf order: depth-first from the root, left child first.
        var leafOrder = new List<int>(m);
        var stack = new Stack<int>();
        stack.Push(m + sorted.Length - 1);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (id < m)
            {
                leafOrder.Add(id);
                continue;
            }

            stack.Push(sorted[id - m].Right);
            stack.Push(sorted[id - m].Left);
        }

        return new Dendrogram(m, method, sorted, [.. leafOrder]);
    }
}
