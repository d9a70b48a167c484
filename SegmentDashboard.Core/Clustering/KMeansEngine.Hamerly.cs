using System.Runtime.CompilerServices;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Hamerly's bounds (2010) on top of the Lloyd engine: per row an upper bound on the distance to
/// its centre and a lower bound on the distance to any other centre. A row whose bounds prove
/// its label cannot change is skipped entirely; centre sums are updated incrementally from the
/// rows that move (per-chunk deltas, reduced in chunk order, so still thread-count independent).
/// Same fixed point as Lloyd's algorithm — only distance evaluations are saved.
/// </summary>
internal sealed partial class KMeansEngine
{
    private double[]? _upper;
    private double[]? _lower;
    private double[]? _halfSeparation;
    private double _largestShift;
    private double _secondShift;
    private int _largestShiftCentre;

    /// <summary>
    /// Lloyd's iterations accelerated with Hamerly's bounds; same stopping rules as
    /// <see cref="RunLloyd"/> and the same final re-assignment, so labels match the centres.
    /// </summary>
    public LloydRun RunAccelerated(int maxIterations, double tolerance, Action<int>? onIteration = null)
    {
        _upper ??= new double[_n];
        _lower ??= new double[_n];
        _halfSeparation ??= new double[_k];
        Array.Fill(_labels, -1);
        Array.Clear(_sums);
        Array.Clear(_counts);
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var full = iterations == 0;
            ForEachChunk([MethodImpl(MethodImplOptions.AggressiveOptimization)] (int chunk) => BoundedChunk(chunk, full));
            iterations++;
            var changed = 0;
            for (var chunk = 0; chunk < _chunkCount; chunk++)
            {
                changed += _partialChanged[chunk];
            }

            var shift = UpdateCentres(incremental: true);
            UpdateBoundsData();
            onIteration?.Invoke(iterations);
            if (changed == 0 || shift <= tolerance)
            {
                converged = true;
                break;
            }
        }

        _cancellationToken.ThrowIfCancellationRequested();
        ForEachChunk(chunk => AssignChunk(chunk, accumulate: false));
        return new LloydRun(iterations, converged, SumInOrder(_partialInertia));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BoundedChunk(int chunk, bool full)
    {
        var d = _d;
        var k = _k;
        var data = _x.Data;
        var labels = _labels;
        var upper = _upper!;
        var lower = _lower!;
        var halfSeparation = _halfSeparation!;
        var sums = _partialSums.AsSpan(chunk * k * d, k * d);
        var counts = _partialCounts.AsSpan(chunk * k, k);
        sums.Clear();
        counts.Clear();
        Span<double> distances = _stride <= MaxStackDistances ? stackalloc double[_stride] : new double[_stride];
        var changed = 0;
        var (start, end) = ChunkRange(chunk);
        for (var i = start; i < end; i++)
        {
            var row = data.Slice(i * d, d);
            var label = labels[i];
            if (!full)
            {
                upper[i] += _centreShift[label];
                lower[i] -= label == _largestShiftCentre ? _secondShift : _largestShift;
                var bound = Math.Max(halfSeparation[label], lower[i]);
                if (upper[i] <= bound)
                {
                    continue;
                }

                upper[i] = Math.Sqrt(Distances.SquaredEuclidean(row, _centres.AsSpan(label * d, d)));
                if (upper[i] <= bound)
                {
                    continue;
                }
            }

            Distances.SquaredToCentres(row, _centresT, _stride, distances);
            var (best, bestDistance, secondDistance) = Distances.ArgMinWithSecond(distances, _penalty, _stride);
            upper[i] = Math.Sqrt(bestDistance);
            lower[i] = Math.Sqrt(secondDistance);
            if (best == label)
            {
                continue;
            }

            changed++;
            if (label >= 0)
            {
                SubtractFrom(sums.Slice(label * d, d), row);
                counts[label]--;
            }

            AddTo(sums.Slice(best * d, d), row);
            counts[best]++;
            labels[i] = best;
        }

        _partialChanged[chunk] = changed;
    }

    /// <summary>Largest and second-largest centre shift, and half the distance from each centre to its nearest other centre.</summary>
    private void UpdateBoundsData()
    {
        var d = _d;
        _largestShift = 0;
        _secondShift = 0;
        _largestShiftCentre = -1;
        for (var c = 0; c < _k; c++)
        {
            var shift = _centreShift[c];
            if (shift > _largestShift)
            {
                _secondShift = _largestShift;
                _largestShift = shift;
                _largestShiftCentre = c;
            }
            else if (shift > _secondShift)
            {
                _secondShift = shift;
            }
        }

        for (var c = 0; c < _k; c++)
        {
            var nearest = double.PositiveInfinity;
            for (var other = 0; other < _k; other++)
            {
                if (other != c)
                {
                    nearest = Math.Min(nearest, Distances.SquaredEuclidean(_centres.AsSpan(c * d, d), _centres.AsSpan(other * d, d)));
                }
            }

            _halfSeparation![c] = 0.5 * Math.Sqrt(nearest);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractFrom(Span<double> target, ReadOnlySpan<double> row)
    {
        for (var j = 0; j < row.Length; j++)
        {
            target[j] -= row[j];
        }
    }
}
