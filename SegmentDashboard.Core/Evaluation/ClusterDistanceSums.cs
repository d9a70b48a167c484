using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// For query rows, the sum of Euclidean distances to every row of each cluster: the O(n·k)
/// heart of the silhouette, never an n x n matrix. The clustered rows are copied once,
/// transposed (feature-major) and ordered by cluster, so the inner loop runs SIMD over
/// consecutive rows of one cluster with direct differences (no |a|²+|b|²-2ab cancellation).
/// Query rows are split into tiles processed in parallel; each query row's sums are produced
/// by one thread in a fixed order, so the result does not depend on the thread count.
/// </summary>
internal static class ClusterDistanceSums
{
    /// <summary>Query rows per parallel work item.</summary>
    private const int QueryTile = 64;

    /// <summary>Query rows sharing each loaded vector of the inner loop (register blocking).</summary>
    private const int MicroRows = 4;

    /// <summary>Returns queryRows.Length x k sums (row-major); query rows are row indices of x.</summary>
    public static double[] Compute(
        FeatureMatrix x,
        LabelGroups groups,
        int[] queryRows,
        int maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        var d = x.Columns;
        var k = groups.ClusterCount;
        var (transposed, stride, clusterStart) = TransposeByCluster(x, groups);
        var sums = new double[queryRows.Length * k];
        if (queryRows.Length == 0 || k == 0)
        {
            return sums;
        }

        var vectorWidth = Vector<double>.Count;
        var columnTile = Math.Max(256, 4096 / Math.Max(1, d));
        columnTile = (columnTile + vectorWidth - 1) / vectorWidth * vectorWidth;
        var tiles = (queryRows.Length + QueryTile - 1) / QueryTile;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, tiles, options, tile =>
        {
            var first = tile * QueryTile;
            var count = Math.Min(QueryTile, queryRows.Length - first);
            var blocks = (count + MicroRows - 1) / MicroRows;

            // Query values, MicroRows rows per block; a short last block repeats its last row.
            var queries = new double[blocks * MicroRows * d];
            for (var r = 0; r < blocks * MicroRows; r++)
            {
                x.Row(queryRows[first + Math.Min(r, count - 1)]).CopyTo(queries.AsSpan(r * d, d));
            }

            Span<double> partial = stackalloc double[MicroRows];
            for (var tileStart = 0; tileStart < stride; tileStart += columnTile)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var tileEnd = Math.Min(stride, tileStart + columnTile);
                for (var c = 0; c < k; c++)
                {
                    var start = Math.Max(clusterStart[c], tileStart);
                    var end = Math.Min(clusterStart[c + 1], tileEnd);
                    if (start >= end)
                    {
                        continue;
                    }

                    for (var b = 0; b < blocks; b++)
                    {
                        SumDistances(transposed, stride, d, start, end, queries.AsSpan(b * MicroRows * d, MicroRows * d), partial);
                        for (var r = 0; r < MicroRows && (b * MicroRows) + r < count; r++)
                        {
                            sums[((first + (b * MicroRows) + r) * k) + c] += partial[r];
                        }
                    }
                }
            }
        });

        return sums;
    }

    /// <summary>Clustered rows, feature-major (value of feature f at position p: f·stride + p), grouped by cluster.</summary>
    private static (double[] Transposed, int Stride, int[] ClusterStart) TransposeByCluster(FeatureMatrix x, LabelGroups groups)
    {
        var k = groups.ClusterCount;
        var clusterStart = new int[k + 1];
        for (var c = 0; c < k; c++)
        {
            clusterStart[c + 1] = clusterStart[c] + groups.Counts[c];
        }

        var stride = groups.IncludedRows;
        var d = x.Columns;
        var transposed = new double[Math.Max(1, stride * d)];
        var next = clusterStart[..k];
        var data = x.Data;
        for (var i = 0; i < groups.Compact.Length; i++)
        {
            var c = groups.Compact[i];
            if (c < 0)
            {
                continue;
            }

            var position = next[c]++;
            var row = data.Slice(i * d, d);
            for (var f = 0; f < d; f++)
            {
                transposed[(f * stride) + position] = row[f];
            }
        }

        return (transposed, stride, clusterStart);
    }

    /// <summary>partial[r] = Σ_{p in [start, end)} ‖query r - row p‖ for the MicroRows query rows.</summary>
    private static void SumDistances(double[] transposed, int stride, int d, int start, int end, ReadOnlySpan<double> queries, Span<double> partial)
    {
        ref var column = ref MemoryMarshal.GetArrayDataReference(transposed);
        ref var q = ref MemoryMarshal.GetReference(queries);
        var width = Vector<double>.Count;
        var sum0 = Vector<double>.Zero;
        var sum1 = Vector<double>.Zero;
        var sum2 = Vector<double>.Zero;
        var sum3 = Vector<double>.Zero;
        var p = start;
        for (; p <= end - width; p += width)
        {
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var acc2 = Vector<double>.Zero;
            var acc3 = Vector<double>.Zero;
            for (var f = 0; f < d; f++)
            {
                var values = Vector.LoadUnsafe(ref column, (nuint)((f * stride) + p));
                var diff0 = values - new Vector<double>(Unsafe.Add(ref q, f));
                var diff1 = values - new Vector<double>(Unsafe.Add(ref q, d + f));
                var diff2 = values - new Vector<double>(Unsafe.Add(ref q, (2 * d) + f));
                var diff3 = values - new Vector<double>(Unsafe.Add(ref q, (3 * d) + f));
                acc0 += diff0 * diff0;
                acc1 += diff1 * diff1;
                acc2 += diff2 * diff2;
                acc3 += diff3 * diff3;
            }

            sum0 += Vector.SquareRoot(acc0);
            sum1 += Vector.SquareRoot(acc1);
            sum2 += Vector.SquareRoot(acc2);
            sum3 += Vector.SquareRoot(acc3);
        }

        partial[0] = Vector.Sum(sum0);
        partial[1] = Vector.Sum(sum1);
        partial[2] = Vector.Sum(sum2);
        partial[3] = Vector.Sum(sum3);
        for (; p < end; p++)
        {
            for (var r = 0; r < MicroRows; r++)
            {
                var squared = 0.0;
                for (var f = 0; f < d; f++)
                {
                    var diff = transposed[(f * stride) + p] - queries[(r * d) + f];
                    squared += diff * diff;
                }

                partial[r] += Math.Sqrt(squared);
            }
        }
    }
}
