using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// SciPy's <c>nn_chain</c> on a condensed distance matrix with Lance–Williams updates, step for
/// step (same scan order, same tie rules), for complete and average linkage (and Ward, used to
/// cross-check the matrix-free Ward). O(n²) memory: n(n − 1)/2 doubles, which is why
/// <see cref="HierarchicalClustering.MaxMatrixRows"/> caps the rows.
/// </summary>
internal static class MatrixLinkage
{
    public static Dendrogram Fit(FeatureMatrix x, LinkageMethod method, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken)
        => FitCondensedInplace(x.Rows, CondensedDistances(x, cancellationToken), method, progress, cancellationToken);

    /// <summary>
    /// The same on a precomputed condensed matrix (SciPy's <c>linkage(y, method)</c>, e.g. Gower
    /// distances), which it overwrites; single linkage here uses the min update (same merges as
    /// SciPy's minimum spanning tree up to ties).
    /// </summary>
    public static Dendrogram FitCondensedInplace(int n, double[] distances, LinkageMethod method, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken)
    {
        var size = new int[n];
        Array.Fill(size, 1);
        var chain = new NearestNeighbourChain(n);
        var first = new int[n - 1];
        var second = new int[n - 1];
        var heights = new double[n - 1];
        int FirstActive() => Array.FindIndex(size, s => s > 0);
        (int, double) Nearest(int cx, int previous)
        {
            // Start from the previous link so it wins ties (SciPy's scan order and tie rule).
            var cy = previous;
            var currentMin = previous >= 0 ? distances[Index(n, cx, previous)] : double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (size[i] == 0 || i == cx)
                {
                    continue;
                }

                var dist = distances[Index(n, cx, i)];
                if (dist < currentMin)
                {
                    currentMin = dist;
                    cy = i;
                }
            }

            return (cy, currentMin);
        }

        for (var k = 0; k < n - 1; k++)
        {
            if (k % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ClusteringProgress("Merging clusters", (double)k / (n - 1)));
            }

            var (cx, cy, currentMin) = chain.NextPair(FirstActive, Nearest);
            if (cx > cy)
            {
                (cx, cy) = (cy, cx);
            }

            var nx = size[cx];
            var ny = size[cy];
            first[k] = cx;
            second[k] = cy;
            heights[k] = currentMin;
            size[cx] = 0;
            size[cy] = nx + ny;
            var dxy = distances[Index(n, cx, cy)];
            for (var i = 0; i < n; i++)
            {
                var ni = size[i];
                if (ni == 0 || i == cy)
                {
                    continue;
                }

                var iy = Index(n, i, cy);
                distances[iy] = Update(method, distances[Index(n, i, cx)], distances[iy], dxy, nx, ny, ni);
            }
        }

        return LinkageBuilder.Build(n, method, first, second, heights);
    }

    /// <summary>SciPy's Lance–Williams formulas (_hierarchy_distance_update.pxd).</summary>
    private static double Update(LinkageMethod method, double dxi, double dyi, double dxy, int nx, int ny, int ni) => method switch
    {
        LinkageMethod.Complete => Math.Max(dxi, dyi),
        LinkageMethod.Single => Math.Min(dxi, dyi),
        LinkageMethod.Average => ((nx * dxi) + (ny * dyi)) / (nx + ny),
        LinkageMethod.Ward => WardUpdate(dxi, dyi, dxy, nx, ny, ni),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a matrix linkage."),
    };

    private static double WardUpdate(double dxi, double dyi, double dxy, int nx, int ny, int ni)
    {
        var t = 1.0 / (nx + ny + ni);
        return Math.Sqrt(((ni + nx) * t * dxi * dxi) + ((ni + ny) * t * dyi * dyi) - (ni * t * dxy * dxy));
    }

    /// <summary>pdist(x, 'euclidean'): rows in parallel, each distance summed in feature order.</summary>
    private static double[] CondensedDistances(FeatureMatrix x, CancellationToken cancellationToken)
    {
        var n = x.Rows;
        var d = x.Columns;
        var distances = new double[(long)n * (n - 1) / 2];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, n, options, i =>
        {
            var data = x.Data;
            var row = data.Slice(i * d, d);
            var offset = Index(n, i, i + 1);
            for (var j = i + 1; j < n; j++)
            {
                distances[offset + j - i - 1] = Distances.Euclidean(row, data.Slice(j * d, d));
            }
        });
        return distances;
    }

    private static long Index(int n, int i, int j)
    {
        if (i > j)
        {
            (i, j) = (j, i);
        }

        return ((long)n * i) - ((long)i * (i + 1) / 2) + (j - i - 1);
    }
}
