using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Single linkage as SciPy's <c>mst_single_linkage</c> (Prim's algorithm, as fastcluster's
/// MST_linkage_core): O(n²) time, O(n) memory, distances computed on the fly in feature order.
/// Squared distances are compared (no square root per pair) and heights are their square
/// roots; SciPy compares the roots, which can only differ on exact ties.
/// The scan for the nearest unmerged point runs over fixed-size blocks in parallel; blocks are
/// combined in order with the same strict "&lt;" rule, so the result equals the sequential one.
/// </summary>
internal static class SingleLinkage
{
    internal const int DefaultBlockRows = 4096;

    /// <param name="blockRows">Rows per block of the parallel scan (tests use small blocks to exercise the parallel path).</param>
    public static Dendrogram Fit(FeatureMatrix x, int maxDegreeOfParallelism, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken, int blockRows = DefaultBlockRows)
    {
        var n = x.Rows;
        var d = x.Columns;
        var merged = new bool[n];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var first = new int[n - 1];
        var second = new int[n - 1];
        var heights = new double[n - 1];
        var blockCount = (n + blockRows - 1) / blockRows;
        var blockMin = new double[blockCount];
        var blockArg = new int[blockCount];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism), CancellationToken = cancellationToken };
        var current = 0;
        for (var k = 0; k < n - 1; k++)
        {
            if (k % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ClusteringProgress("Single linkage (minimum spanning tree)", (double)k / (n - 1)));
            }

            merged[current] = true;
            var from = current;
            void ScanBlock(int block)
            {
                var data = x.Data;
                var row = data.Slice(from * d, d);
                var start = block * blockRows;
                var end = Math.Min(n, start + blockRows);
                var min = double.PositiveInfinity;
                var arg = -1;
                for (var i = start; i < end; i++)
                {
                    if (merged[i])
                    {
                        continue;
                    }

                    var dist = Distances.SquaredEuclidean(row, data.Slice(i * d, d));
                    if (nearest[i] > dist)
                    {
                        nearest[i] = dist;
                    }

                    if (nearest[i] < min)
                    {
                        min = nearest[i];
                        arg = i;
                    }
                }

                blockMin[block] = min;
                blockArg[block] = arg;
            }

            if (blockCount > 1 && options.MaxDegreeOfParallelism > 1 && (long)n * d >= 8_192)
            {
                Parallel.For(0, blockCount, options, ScanBlock);
            }
            else
            {
                for (var block = 0; block < blockCount; block++)
                {
                    ScanBlock(block);
                }
            }

            var best = double.PositiveInfinity;
            var next = -1;
            for (var block = 0; block < blockCount; block++)
            {
                if (blockArg[block] >= 0 && blockMin[block] < best)
                {
                    best = blockMin[block];
                    next = blockArg[block];
                }
            }

            if (next < 0)
            {
                // Only infinite distances left (cannot happen with finite data); take any unmerged row.
                next = Array.IndexOf(merged, false);
            }

            first[k] = current;
            second[k] = next;
            heights[k] = Math.Sqrt(best);
            current = next;
        }

        return LinkageBuilder.Build(n, LinkageMethod.Single, first, second, heights);
    }
}
