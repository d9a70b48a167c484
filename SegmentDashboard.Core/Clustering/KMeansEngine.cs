using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Greedy k-means++ and Lloyd iterations over fixed-size row chunks. Each chunk writes its own
/// partial sums, and partials are reduced in chunk order, so every number is bit-identical
/// whatever the degree of parallelism. All buffers proportional to n are allocated once, in
/// the constructor, and reused by every restart and iteration.
/// </summary>
internal sealed partial class KMeansEngine
{
    internal const int ChunkRows = 8192;
    private const int MaxStackDistances = 256;

    private readonly FeatureMatrix _x;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly int _stride;
    private readonly int _chunkCount;
    private readonly int _maxDegreeOfParallelism;
    private readonly CancellationToken _cancellationToken;
    private readonly double[] _centres;
    private readonly double[] _centresT;
    private readonly double[] _penalty;
    private readonly double[] _partialSums;
    private readonly int[] _partialCounts;
    private readonly double[] _partialInertia;
    private readonly int[] _partialChanged;
    private readonly double[] _sums;
    private readonly int[] _counts;
    private readonly int[] _labels;
    private readonly double[] _centreShift;
    private double[]? _closest;

    public KMeansEngine(FeatureMatrix x, int clusterCount, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        _x = x;
        _n = x.Rows;
        _d = x.Columns;
        _k = clusterCount;
        _stride = Distances.PaddedCount(clusterCount);
        _chunkCount = (_n + ChunkRows - 1) / ChunkRows;
        _maxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism);
        _cancellationToken = cancellationToken;
        _centres = new double[_k * _d];
        _centresT = new double[_d * _stride];
        _penalty = Distances.PaddingPenalty(_k, _stride);
        _partialSums = new double[_chunkCount * Math.Max(_k, 1) * _d];
        _partialCounts = new int[_chunkCount * _k];
        _partialInertia = new double[_chunkCount];
        _partialChanged = new int[_chunkCount];
        _sums = new double[_k * _d];
        _counts = new int[_k];
        _labels = new int[_n];
        _centreShift = new double[_k];
    }

    /// <summary>Current centres, k rows of d values (row-major).</summary>
    public ReadOnlySpan<double> Centres => _centres;

    /// <summary>Current labels (not canonical).</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Mean over features of the population variance of x (scikit-learn's tolerance scale).</summary>
    public double MeanVariance()
    {
        var d = _d;
        var partial = _partialSums;
        ForEachChunk([MethodImpl(MethodImplOptions.AggressiveOptimization)] (int chunk) =>
        {
            var data = _x.Data;
            var sums = partial.AsSpan(chunk * d, d);
            sums.Clear();
            var (start, end) = ChunkRange(chunk);
            for (var i = start; i < end; i++)
            {
                var row = data.Slice(i * d, d);
                for (var j = 0; j < d; j++)
                {
                    sums[j] += row[j];
                }
            }
        });
        var means = new double[d];
        for (var chunk = 0; chunk < _chunkCount; chunk++)
        {
            for (var j = 0; j < d; j++)
            {
                means[j] += partial[(chunk * d) + j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            means[j] /= _n;
        }

        ForEachChunk([MethodImpl(MethodImplOptions.AggressiveOptimization)] (int chunk) =>
        {
            var data = _x.Data;
            var sums = partial.AsSpan(chunk * d, d);
            sums.Clear();
            var (start, end) = ChunkRange(chunk);
            for (var i = start; i < end; i++)
            {
                var row = data.Slice(i * d, d);
                for (var j = 0; j < d; j++)
                {
                    var diff = row[j] - means[j];
                    sums[j] += diff * diff;
                }
            }
        });
        var total = 0.0;
        for (var j = 0; j < d; j++)
        {
            var s = 0.0;
            for (var chunk = 0; chunk < _chunkCount; chunk++)
            {
                s += partial[(chunk * d) + j];
            }

            total += s / _n;
        }

        return total / d;
    }

    /// <summary>Replaces the centres (k rows of d values).</summary>
    public void SetCentres(ReadOnlySpan<double> centres)
    {
        centres.CopyTo(_centres);
        Transpose();
    }

    /// <summary>
    /// Lloyd iterations from the current centres, exactly scikit-learn's loop: assign and
    /// update; stop when no label changed or the squared centre shift is at most
    /// <paramref name="tolerance"/>; finally re-assign so labels match the returned centres.
    /// </summary>
    public LloydRun RunLloyd(int maxIterations, double tolerance, Action<int>? onIteration = null)
    {
        Array.Fill(_labels, -1);
        var iterations = 0;
        var strict = false;
        var converged = false;
        var shift = double.NaN;
        var inertia = 0.0;
        while (iterations < maxIterations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ForEachChunk(chunk => AssignChunk(chunk, accumulate: true));
            iterations++;
            var changed = 0;
            for (var chunk = 0; chunk < _chunkCount; chunk++)
            {
                changed += _partialChanged[chunk];
            }

            inertia = SumInOrder(_partialInertia);
            shift = UpdateCentres();
            onIteration?.Invoke(iterations);
            if (changed == 0)
            {
                strict = true;
                converged = true;
                break;
            }

            if (shift <= tolerance)
            {
                converged = true;
                break;
            }
        }

        if (!(strict && shift == 0))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ForEachChunk(chunk => AssignChunk(chunk, accumulate: false));
            inertia = SumInOrder(_partialInertia);
        }

        return new LloydRun(iterations, converged, inertia);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AssignChunk(int chunk, bool accumulate)
    {
        var d = _d;
        var k = _k;
        var data = _x.Data;
        var labels = _labels;
        var sums = _partialSums.AsSpan(chunk * k * d, k * d);
        var counts = _partialCounts.AsSpan(chunk * k, k);
        if (accumulate)
        {
            sums.Clear();
            counts.Clear();
        }

        var distances = _stride <= MaxStackDistances ? stackalloc double[_stride] : new double[_stride];
        var inertia = 0.0;
        var changed = 0;
        var (start, end) = ChunkRange(chunk);
        for (var i = start; i < end; i++)
        {
            var row = data.Slice(i * d, d);
            Distances.SquaredToCentres(row, _centresT, _stride, distances);
            var (best, bestDistance) = Distances.ArgMin(distances, _penalty, _stride);
            changed += labels[i] != best ? 1 : 0;
            labels[i] = best;
            inertia += bestDistance;
            if (accumulate)
            {
                AddTo(sums.Slice(best * d, d), row);
                counts[best]++;
            }
        }

        _partialInertia[chunk] = inertia;
        _partialChanged[chunk] = changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(Span<double> target, ReadOnlySpan<double> row)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref var pt = ref MemoryMarshal.GetReference(target);
            ref var pr = ref MemoryMarshal.GetReference(row);
            for (; j <= row.Length - Vector<double>.Count; j += Vector<double>.Count)
            {
                (Vector.LoadUnsafe(ref pt, (nuint)j) + Vector.LoadUnsafe(ref pr, (nuint)j)).StoreUnsafe(ref pt, (nuint)j);
            }
        }

        for (; j < row.Length; j++)
        {
            target[j] += row[j];
        }
    }

    /// <summary>Reduces the chunk partials in order, relocates empty clusters, moves the centres; returns the squared shift.</summary>
    private double UpdateCentres(bool incremental = false)
    {
        var d = _d;
        var k = _k;
        if (!incremental)
        {
            Array.Clear(_sums);
            Array.Clear(_counts);
        }

        for (var chunk = 0; chunk < _chunkCount; chunk++)
        {
            var partial = _partialSums.AsSpan(chunk * k * d, k * d);
            for (var idx = 0; idx < partial.Length; idx++)
            {
                _sums[idx] += partial[idx];
            }

            for (var c = 0; c < k; c++)
            {
                _counts[c] += _partialCounts[(chunk * k) + c];
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (_counts[c] == 0)
            {
                RelocateToFarthestPoint(c);
            }
        }

        var shift = 0.0;
        for (var c = 0; c < k; c++)
        {
            var centreShift = 0.0;
            for (var j = 0; j < d; j++)
            {
                var value = _sums[(c * d) + j] / _counts[c];
                var diff = value - _centres[(c * d) + j];
                centreShift += diff * diff;
                _centres[(c * d) + j] = value;
            }

            _centreShift[c] = Math.Sqrt(centreShift);
            shift += centreShift;
        }

        Transpose();
        return shift;
    }

    /// <summary>
    /// An empty cluster takes the point farthest from its own (old) centre, among clusters that
    /// keep at least one point; ties go to the lowest row index, so this is deterministic.
    /// </summary>
    private void RelocateToFarthestPoint(int empty)
    {
        var d = _d;
        var data = _x.Data;
        var farthest = -1;
        var farthestDistance = -1.0;
        for (var i = 0; i < _n; i++)
        {
            var label = _labels[i];
            if (_counts[label] <= 1)
            {
                continue;
            }

            var distance = Distances.SquaredEuclidean(data.Slice(i * d, d), _centres.AsSpan(label * d, d));
            if (distance > farthestDistance)
            {
                farthestDistance = distance;
                farthest = i;
            }
        }

        var row = data.Slice(farthest * d, d);
        var old = _labels[farthest];
        for (var j = 0; j < d; j++)
        {
            _sums[(old * d) + j] -= row[j];
            _sums[(empty * d) + j] = row[j];
        }

        _counts[old]--;
        _counts[empty] = 1;
        _labels[farthest] = empty;
        if (_upper is not null && _lower is not null)
        {
            // The point is the new centre: distance 0, and a lower bound that forces a recheck.
            _upper[farthest] = 0;
            _lower[farthest] = 0;
        }
    }

    private void Transpose()
    {
        for (var c = 0; c < _k; c++)
        {
            for (var j = 0; j < _d; j++)
            {
                _centresT[(j * _stride) + c] = _centres[(c * _d) + j];
            }
        }
    }

    private (int Start, int End) ChunkRange(int chunk)
    {
        var start = chunk * ChunkRows;
        return (start, Math.Min(_n, start + ChunkRows));
    }

    private void ForEachChunk(Action<int> body)
    {
        if (_chunkCount == 1 || _maxDegreeOfParallelism == 1)
        {
            for (var chunk = 0; chunk < _chunkCount; chunk++)
            {
                body(chunk);
            }

            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = _cancellationToken };
        Parallel.For(0, _chunkCount, options, body);
    }

    private static double SumInOrder(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}

/// <summary>Outcome of one Lloyd run.</summary>
internal readonly record struct LloydRun(int Iterations, bool Converged, double Inertia);
