using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Single linkage as SciPy's <c>mst_single_linkage</c> (Prim's algorithm, as fastcluster's
/// MST_linkage_core): O(n²) time, O(n) memory, distances computed on the fly. Unmerged rows are
/// kept in a compact list in ascending order, so each step scans only them and ties still go to
/// the lowest row index as in SciPy. Squared distances are compared (no square root per pair)
/// and heights are their square roots; SciPy compares the roots, which can only differ on exact
/// ties. Long scans run over fixed-size blocks in parallel, combined in order with the same
/// strict "&lt;" rule, so the result equals the sequential one.
/// </summary>
internal static class SingleLinkage
{
    internal const int DefaultBlockRows = 8192;

    /// <param name="blockRows">Rows per block of the parallel scan (tests use small blocks to exercise the parallel path).</param>
    public static Dendrogram Fit(FeatureMatrix x, int maxDegreeOfParallelism, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken, int blockRows = DefaultBlockRows)
    {
        var n = x.Rows;
        var d = x.Columns;
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var active = new int[n];
        for (var i = 0; i < n; i++)
        {
            active[i] = i;
        }

        var activeCount = n;
        var first = new int[n - 1];
        var second = new int[n - 1];
        var heights = new double[n - 1];
        var maxBlocks = (n + blockRows - 1) / blockRows;
        var blockMin = new double[maxBlocks];
        var blockArg = new int[maxBlocks];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism), CancellationToken = cancellationToken };
        var current = 0;
        for (var k = 0; k < n - 1; k++)
        {
            if (k % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ClusteringProgress("Single linkage (minimum spanning tree)", (double)k / (n - 1)));
            }

            // Remove the row just merged, keeping the list sorted.
            var position = Array.BinarySearch(active, 0, activeCount, current);
            Array.Copy(active, position + 1, active, position, activeCount - position - 1);
            activeCount--;

            var from = current;
            var count = activeCount;
            var blocks = (count + blockRows - 1) / blockRows;
            void ScanBlock(int block)
            {
                var data = x.Data;
                var row = data.Slice(from * d, d);
                var start = block * blockRows;
                var end = Math.Min(count, start + blockRows);
                var min = double.PositiveInfinity;
                var arg = -1;
                for (var p = start; p < end; p++)
                {
                    var i = active[p];
                    var dist = Distances.Min(nearest[i], Distances.SquaredEuclidean(row, data.Slice(i * d, d)));
                    nearest[i] = dist;
                    if (dist < min)
                    {
                        min = dist;
                        arg = i;
                    }
                }

                blockMin[block] = min;
                blockArg[block] = arg;
            }

            if (blocks > 1 && options.MaxDegreeOfParallelism > 1)
            {
                Parallel.For(0, blocks, options, ScanBlock);
            }
            else
            {
                for (var block = 0; block < blocks; block++)
                {
                    ScanBlock(block);
                }
            }

            var best = double.PositiveInfinity;
            var next = -1;
            for (var block = 0; block < blocks; block++)
            {
                if (blockArg[block] >= 0 && blockMin[block] < best)
                {
                    best = blockMin[block];
                    next = blockArg[block];
                }
            }

            if (next < 0)
            {
                // Only infinite distances left (cannot happen with finite data): take the first unmerged row.
                next = active[0];
            }

            first[k] = current;
            second[k] = next;
            heights[k] = Math.Sqrt(best);
            current = next;
        }

        return LinkageBuilder.Build(n, LinkageMethod.Single, first, second, heights);
    }
}
