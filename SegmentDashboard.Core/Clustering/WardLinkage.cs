using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Ward linkage by the nearest-neighbour chain on cluster centroids and sizes: O(n·d) memory,
/// no distance matrix. The merge cost of clusters a and b is Δ = na·nb/(na+nb)·‖ca − cb‖²
/// and SciPy's height is √(2Δ). Active clusters are kept compact and feature-major so the
/// nearest-neighbour scan runs four clusters per vector; long scans are split into fixed blocks
/// reduced in order, so results do not depend on the thread count.
/// </summary>
internal sealed class WardLinkage
{
    internal const int DefaultParallelBlock = 32_768;

    private readonly int _d;
    private readonly int _capacity;
    private readonly double[] _centroids;
    private readonly double[] _sizes;
    private readonly int[] _leafAt;
    private readonly int[] _positionOf;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _parallelBlock;
    private int _active;

    private WardLinkage(FeatureMatrix x, int maxDegreeOfParallelism, int parallelBlock)
    {
        var n = x.Rows;
        _d = x.Columns;
        _capacity = Distances.PaddedCount(n);
        _centroids = new double[_d * _capacity];
        _sizes = new double[_capacity];
        _leafAt = new int[n];
        _positionOf = new int[n];
        _maxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism);
        _parallelBlock = Distances.PaddedCount(Math.Max(1, parallelBlock));
        _active = n;
        for (var i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (var j = 0; j < _d; j++)
            {
                _centroids[(j * _capacity) + i] = row[j];
            }

            _sizes[i] = 1;
            _leafAt[i] = i;
            _positionOf[i] = i;
        }
    }

    /// <param name="parallelBlock">Positions per block of the nearest-neighbour scan (tests use small blocks to exercise the parallel path).</param>
    public static Dendrogram Fit(FeatureMatrix x, int maxDegreeOfParallelism, IProgress<ClusteringProgress>? progress, CancellationToken cancellationToken, int parallelBlock = DefaultParallelBlock)
    {
        var n = x.Rows;
        var state = new WardLinkage(x, maxDegreeOfParallelism, parallelBlock);
        var first = new int[n - 1];
        var second = new int[n - 1];
        var heights = new double[n - 1];
        var chain = new NearestNeighbourChain(n);
        int FirstActive() => state._leafAt[0];
        (int, double) Nearest(int a, int previous)
        {
            var pa = state._positionOf[a];
            var (pb, best) = state.NearestTo(pa);
            if (previous >= 0)
            {
                var toPrevious = state.Cost(pa, state._positionOf[previous]);
                if (toPrevious <= best)
                {
                    return (previous, toPrevious);
                }
            }

            return (pb < 0 ? -1 : state._leafAt[pb], best);
        }

        for (var k = 0; k < n - 1; k++)
        {
            if (k % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ClusteringProgress("Ward linkage (nearest-neighbour chain)", (double)k / (n - 1)));
            }

            var (a, b, cost) = chain.NextPair(FirstActive, Nearest);
            first[k] = Math.Min(a, b);
            second[k] = Math.Max(a, b);
            heights[k] = Math.Sqrt(2 * cost);
            state.Merge(state._positionOf[a], state._positionOf[b]);
        }

        return LinkageBuilder.Build(n, LinkageMethod.Ward, first, second, heights);
    }

    /// <summary>Δ between the clusters at two positions, computed exactly as the vector scan does (even and odd features apart).</summary>
    private double Cost(int p, int q)
    {
        var even = 0.0;
        var odd = 0.0;
        var j = 0;
        for (; j + 1 < _d; j += 2)
        {
            var de = _centroids[(j * _capacity) + p] - _centroids[(j * _capacity) + q];
            var dd = _centroids[((j + 1) * _capacity) + p] - _centroids[((j + 1) * _capacity) + q];
            even += de * de;
            odd += dd * dd;
        }

        if (j < _d)
        {
            var de = _centroids[(j * _capacity) + p] - _centroids[(j * _capacity) + q];
            even += de * de;
        }

        var np = _sizes[p];
        var nq = _sizes[q];
        return (np * nq) / (np + nq) * (even + odd);
    }

    /// <summary>The active cluster with the smallest Δ to the one at <paramref name="p"/> (lowest position on ties).</summary>
    private (int Position, double Cost) NearestTo(int p)
    {
        var blocks = (_active + _parallelBlock - 1) / _parallelBlock;
        if (blocks == 1 || _maxDegreeOfParallelism == 1)
        {
            var bestPosition = -1;
            var bestCost = double.PositiveInfinity;
            for (var block = 0; block < blocks; block++)
            {
                var (position, cost) = Scan(p, block * _parallelBlock, Math.Min(_active, (block + 1) * _parallelBlock));
                if (cost < bestCost)
                {
                    bestCost = cost;
                    bestPosition = position;
                }
            }

            return (bestPosition, bestCost);
        }

        var positions = new int[blocks];
        var costs = new double[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism }, block =>
            (positions[block], costs[block]) = Scan(p, block * _parallelBlock, Math.Min(_active, (block + 1) * _parallelBlock)));
        var result = (Position: -1, Cost: double.PositiveInfinity);
        for (var block = 0; block < blocks; block++)
        {
            if (costs[block] < result.Cost)
            {
                result = (positions[block], costs[block]);
            }
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Position, double Cost) Scan(int p, int start, int end)
    {
        var width = Vector<double>.Count;
        var d = _d;
        var capacity = _capacity;
        ref var pc = ref MemoryMarshal.GetArrayDataReference(_centroids);
        ref var ps = ref MemoryMarshal.GetArrayDataReference(_sizes);
        var np = new Vector<double>(_sizes[p]);
        var self = new Vector<long>(p);
        var limit = new Vector<long>(end);
        var infinity = new Vector<double>(double.PositiveInfinity);
        var filterSlack = new Vector<double>(1.0 + 1e-9);
        Span<Vector<double>> centre = stackalloc Vector<double>[d];
        for (var j = 0; j < d; j++)
        {
            centre[j] = new Vector<double>(_centroids[(j * capacity) + p]);
        }

        var minimum = infinity;
        var bestLane = new Vector<long>(long.MaxValue);
        var lane = Distances.LaneIndexValue + new Vector<long>(start);
        var step = new Vector<long>(width);
        for (var p0 = start; p0 < end; p0 += width)
        {
            var even = Vector<double>.Zero;
            var odd = Vector<double>.Zero;
            var j = 0;
            for (; j + 1 < d; j += 2)
            {
                var de = centre[j] - Vector.LoadUnsafe(ref pc, (nuint)((j * capacity) + p0));
                var dd = centre[j + 1] - Vector.LoadUnsafe(ref pc, (nuint)(((j + 1) * capacity) + p0));
                even += de * de;
                odd += dd * dd;
            }

            if (j < d)
            {
                var de = centre[j] - Vector.LoadUnsafe(ref pc, (nuint)((j * capacity) + p0));
                even += de * de;
            }

            var nq = Vector.LoadUnsafe(ref ps, (nuint)p0);
            var squared = even + odd;
            var sum = np + nq;

            // Division-free filter: Δ = np·nq/(np+nq)·D < min  ⇔  np·nq·D < min·(np+nq) (all terms
            // non-negative). With a small slack it never rejects a lane the exact test would take;
            // the exact Δ (with its division) is computed only when some lane passes, which after the
            // first few blocks is rare, so the scan is bound by loads and multiplies.
            if (Vector.LessThanOrEqualAny(np * nq * squared, minimum * sum * filterSlack))
            {
                var cost = (np * nq) / sum * squared;
                var invalid = Vector.Equals(lane, self) | Vector.GreaterThanOrEqual(lane, limit);
                cost = Vector.ConditionalSelect(invalid.As<long, double>(), infinity, cost);
                var less = Vector.LessThan(cost, minimum);
                minimum = Vector.ConditionalSelect(less, cost, minimum);
                bestLane = Vector.ConditionalSelect(less, lane, bestLane);
            }

            lane += step;
        }

        var (index, value) = Distances.HorizontalArgMin(minimum, bestLane);
        return value == double.PositiveInfinity ? (-1, value) : (index, value);
    }

    /// <summary>Replaces the clusters at <paramref name="p"/> and <paramref name="q"/> by their union.</summary>
    private void Merge(int p, int q)
    {
        var np = _sizes[p];
        var nq = _sizes[q];
        var total = np + nq;

        // SciPy keeps the merged cluster in the slot of the larger id; the other slot is freed.
        var keep = _leafAt[p] > _leafAt[q] ? p : q;
        var drop = keep == p ? q : p;
        for (var j = 0; j < _d; j++)
        {
            var row = j * _capacity;
            _centroids[row + keep] = ((np * _centroids[row + p]) + (nq * _centroids[row + q])) / total;
        }

        _sizes[keep] = total;
        var last = _active - 1;
        if (drop != last)
        {
            for (var j = 0; j < _d; j++)
            {
                _centroids[(j * _capacity) + drop] = _centroids[(j * _capacity) + last];
            }

            _sizes[drop] = _sizes[last];
            _leafAt[drop] = _leafAt[last];
            _positionOf[_leafAt[drop]] = drop;
        }

        _sizes[last] = 0;
        _active--;
    }
}
