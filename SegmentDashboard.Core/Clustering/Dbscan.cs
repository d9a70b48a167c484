using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Options of <see cref="Dbscan.Fit"/>; validated on entry (Eps &gt; 0, MinSamples ≥ 1).</summary>
/// <param name="Eps">Neighbourhood radius (Euclidean).</param>
/// <param name="MinSamples">Points within Eps, the point itself included, that make a core point.</param>
public sealed record DbscanOptions(double Eps, int MinSamples);

/// <summary>A DBSCAN fit: noise is -1, clusters canonical (0 is the largest).</summary>
public sealed record DbscanResult(ImmutableArray<int> Labels, int ClusterCount, int NoiseCount, ImmutableArray<bool> IsCore, DbscanOptions Options);

/// <summary>
/// DBSCAN with a spatial index (no n x n matrix), plus the k-distance curve to pick eps.
/// Neighbourhoods are "distance ≤ eps" and include the point itself, as in scikit-learn. Core
/// points are found first (in parallel, one count per point); clusters are then grown in row
/// order, depth first, so a border point joins the first cluster that reaches it — the same
/// partition as scikit-learn, up to renumbering. A point is claimed when it is first reached
/// (not when it is expanded), and the KD-tree skips fully claimed subtrees, so memory stays
/// O(n·d) and growth O(n) queries whatever eps (an eps covering all the data costs no more
/// than a small one).
/// </summary>
public static class Dbscan
{
    private const int ChunkRows = 2048;

    public static DbscanResult Fit(
        FeatureMatrix x,
        DbscanOptions options,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ClusteringGuard.RequireRows(x);
        ClusteringGuard.RequirePositive(options.Eps, nameof(options.Eps));
        ClusteringGuard.RequireAtLeast(options.MinSamples, 1, nameof(options.MinSamples));
        cancellationToken.ThrowIfCancellationRequested();

        var n = x.Rows;
        var radiusSquared = options.Eps * options.Eps;
        progress?.Report(new ClusteringProgress("Building the spatial index", 0));
        var tree = new KdTree(x);
        var isCore = new bool[n];
        progress?.Report(new ClusteringProgress("Finding core points", 0.1));
        ForEachChunk(n, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                isCore[i] = tree.CountWithin(x.Row(i), radiusSquared) >= options.MinSamples;
            }
        }, cancellationToken);
        progress?.Report(new ClusteringProgress("Growing clusters", 0.5));

        var labels = new int[n];
        Array.Fill(labels, -1);
        var claims = tree.NewClaimSet();
        var queue = new Stack<int>();
        var reached = new List<int>();
        var next = 0;
        var visited = 0L;
        for (var seed = 0; seed < n; seed++)
        {
            if (labels[seed] != -1 || !isCore[seed])
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var point = seed;
            while (true)
            {
                // A point is labelled (claimed) when it is reached, so each enters the queue at most
                // once: the queue and the neighbour list are O(n) whatever eps.
                reached.Clear();
                tree.ClaimWithin(x.Row(point), radiusSquared, claims, reached);
                foreach (var neighbour in reached)
                {
                    labels[neighbour] = next;
                    if (isCore[neighbour] && neighbour != point)
                    {
                        queue.Push(neighbour);
                    }
                }

                if (queue.Count == 0)
                {
                    break;
                }

                if (++visited % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                point = queue.Pop();
            }

            next++;
        }

        var canonical = ClusterLabels.Canonicalize(labels);
        var noise = canonical.Count(label => label < 0);
        progress?.Report(new ClusteringProgress("DBSCAN done", 1.0));
        return new DbscanResult(canonical, next, noise, [.. isCore], options);
    }

    /// <summary>
    /// For every point, the distance to its k-th nearest neighbour (the point itself not counted),
    /// sorted descending: the "knee" of this curve is a good eps for MinSamples = k + 1.
    /// </summary>
    public static ImmutableArray<double> KDistances(FeatureMatrix x, int k, CancellationToken cancellationToken = default)
    {
        ClusteringGuard.RequireRows(x, 2);
        if (k < 1 || k >= x.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, string.Create(CultureInfo.InvariantCulture, $"{nameof(k)} must be between 1 and {x.Rows - 1}, the number of other rows (got {k})."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tree = new KdTree(x);
        var distances = new double[x.Rows];
        ForEachChunk(x.Rows, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                distances[i] = Math.Sqrt(tree.KthNeighbourDistanceSquared(i, x.Row(i), k));
            }
        }, cancellationToken);

        Array.Sort(distances, (a, b) => b.CompareTo(a));
        return [.. distances];
    }

    private static void ForEachChunk(int n, Action<int, int> body, CancellationToken cancellationToken)
    {
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, chunk => body(chunk * ChunkRows, Math.Min(n, (chunk + 1) * ChunkRows)));
    }
}
