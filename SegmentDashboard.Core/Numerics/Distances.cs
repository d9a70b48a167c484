using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentDashboard.Core.Numerics;

/// <summary>
/// Small SIMD distance kernels shared by the clustering algorithms. Every sum runs in a fixed
/// order, so a distance is bit-identical wherever (and on whichever thread) it is computed.
/// </summary>
internal static class Distances
{
    /// <summary>Σ (a_j − b_j)² over the common length, vectorized with <see cref="Vector{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquaredEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var length = a.Length;
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        var j = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; j <= length - Vector<double>.Count; j += Vector<double>.Count)
            {
                var diff = Vector.LoadUnsafe(ref pa, (nuint)j) - Vector.LoadUnsafe(ref pb, (nuint)j);
                acc += diff * diff;
            }

            sum = Vector.Sum(acc);
        }

        for (; j < length; j++)
        {
            var diff = Unsafe.Add(ref pa, j) - Unsafe.Add(ref pb, j);
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>Euclidean distance, the sum taken in plain feature order (as SciPy's pdist does).</summary>
    public static double Euclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var diff = a[j] - b[j];
            sum += diff * diff;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// Squared distances from <paramref name="row"/> to many centres stored feature-major
    /// (<paramref name="centresT"/>[j * stride + c]); one vector lane per centre, so no horizontal
    /// sums. <paramref name="stride"/> is a multiple of the vector width and
    /// <paramref name="result"/> holds at least <paramref name="stride"/> values; padded lanes
    /// are computed too and must be ignored by the caller. Even and odd features go to separate
    /// accumulators and two centre blocks run side by side (four independent dependency
    /// chains); the summation order is fixed, so results do not depend on the caller's thread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SquaredToCentres(ReadOnlySpan<double> row, double[] centresT, int stride, Span<double> result)
    {
        if (result.Length < stride || centresT.Length < row.Length * stride)
        {
            throw new ArgumentException("Buffers are smaller than the stride requires.", nameof(result));
        }

        var d = row.Length;
        var width = Vector<double>.Count;
        ref var pc = ref MemoryMarshal.GetArrayDataReference(centresT);
        ref var px = ref MemoryMarshal.GetReference(row);
        ref var pr = ref MemoryMarshal.GetReference(result);
        var c0 = 0;
        for (; c0 + width < stride; c0 += 2 * width)
        {
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var b0 = Vector<double>.Zero;
            var b1 = Vector<double>.Zero;
            var j = 0;
            for (; j + 1 < d; j += 2)
            {
                var x0 = new Vector<double>(Unsafe.Add(ref px, j));
                var x1 = new Vector<double>(Unsafe.Add(ref px, j + 1));
                var offset0 = (nuint)((j * stride) + c0);
                var offset1 = offset0 + (nuint)stride;
                var da0 = x0 - Vector.LoadUnsafe(ref pc, offset0);
                var db0 = x0 - Vector.LoadUnsafe(ref pc, offset0 + (nuint)width);
                var da1 = x1 - Vector.LoadUnsafe(ref pc, offset1);
                var db1 = x1 - Vector.LoadUnsafe(ref pc, offset1 + (nuint)width);
                a0 += da0 * da0;
                b0 += db0 * db0;
                a1 += da1 * da1;
                b1 += db1 * db1;
            }

            if (j < d)
            {
                var x0 = new Vector<double>(Unsafe.Add(ref px, j));
                var offset0 = (nuint)((j * stride) + c0);
                var da0 = x0 - Vector.LoadUnsafe(ref pc, offset0);
                var db0 = x0 - Vector.LoadUnsafe(ref pc, offset0 + (nuint)width);
                a0 += da0 * da0;
                b0 += db0 * db0;
            }

            (a0 + a1).StoreUnsafe(ref pr, (nuint)c0);
            (b0 + b1).StoreUnsafe(ref pr, (nuint)(c0 + width));
        }

        if (c0 < stride)
        {
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var j = 0;
            for (; j + 1 < d; j += 2)
            {
                var offset0 = (nuint)((j * stride) + c0);
                var da0 = new Vector<double>(Unsafe.Add(ref px, j)) - Vector.LoadUnsafe(ref pc, offset0);
                var da1 = new Vector<double>(Unsafe.Add(ref px, j + 1)) - Vector.LoadUnsafe(ref pc, offset0 + (nuint)stride);
                a0 += da0 * da0;
                a1 += da1 * da1;
            }

            if (j < d)
            {
                var da0 = new Vector<double>(Unsafe.Add(ref px, j)) - Vector.LoadUnsafe(ref pc, (nuint)((j * stride) + c0));
                a0 += da0 * da0;
            }

            (a0 + a1).StoreUnsafe(ref pr, (nuint)c0);
        }
    }

    /// <summary>
    /// Index and value of the smallest of <paramref name="values"/>[0..stride) after adding
    /// <paramref name="penalty"/> (0 for real lanes, +∞ for padding); the lowest index wins ties,
    /// as a scalar first-minimum scan would. Vectorized and branch-free: the scalar version
    /// mispredicts on almost every row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Index, double Value) ArgMin(ReadOnlySpan<double> values, double[] penalty, int stride)
    {
        if (values.Length < stride || penalty.Length < stride)
        {
            throw new ArgumentException("Buffers are smaller than the stride.", nameof(values));
        }

        var width = Vector<double>.Count;
        ref var pv = ref MemoryMarshal.GetReference(values);
        ref var pp = ref MemoryMarshal.GetArrayDataReference(penalty);
        var minimum = Vector.LoadUnsafe(ref pv) + Vector.LoadUnsafe(ref pp);
        var lane = LaneIndexValue;
        var bestLane = lane;
        var step = new Vector<long>(width);
        for (var c0 = width; c0 < stride; c0 += width)
        {
            lane += step;
            var v = Vector.LoadUnsafe(ref pv, (nuint)c0) + Vector.LoadUnsafe(ref pp, (nuint)c0);
            var less = Vector.LessThan(v, minimum);
            minimum = Vector.ConditionalSelect(less, v, minimum);
            bestLane = Vector.ConditionalSelect(less, lane, bestLane);
        }

        return HorizontalArgMin(minimum, bestLane);
    }

    /// <summary>
    /// As <see cref="ArgMin"/>, plus the second-smallest value (the smallest over the other
    /// centres), tracked lane by lane in the same pass: what Hamerly's lower bound needs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Index, double Value, double Second) ArgMinWithSecond(ReadOnlySpan<double> values, double[] penalty, int stride)
    {
        if (values.Length < stride || penalty.Length < stride)
        {
            throw new ArgumentException("Buffers are smaller than the stride.", nameof(values));
        }

        var width = Vector<double>.Count;
        ref var pv = ref MemoryMarshal.GetReference(values);
        ref var pp = ref MemoryMarshal.GetArrayDataReference(penalty);
        var minimum = Vector.LoadUnsafe(ref pv) + Vector.LoadUnsafe(ref pp);
        var second = new Vector<double>(double.PositiveInfinity);
        var lane = LaneIndexValue;
        var bestLane = lane;
        var step = new Vector<long>(width);
        for (var c0 = width; c0 < stride; c0 += width)
        {
            lane += step;
            var v = Vector.LoadUnsafe(ref pv, (nuint)c0) + Vector.LoadUnsafe(ref pp, (nuint)c0);
            var less = Vector.LessThan(v, minimum);
            second = Vector.Min(second, Vector.ConditionalSelect(less, minimum, v));
            minimum = Vector.ConditionalSelect(less, v, minimum);
            bestLane = Vector.ConditionalSelect(less, lane, bestLane);
        }

        var (index, value) = HorizontalArgMin(minimum, bestLane);
        var others = Vector.ConditionalSelect(Vector.Equals(bestLane, new Vector<long>(index)), second, minimum);
        var (_, secondValue) = HorizontalArgMin(others, bestLane);
        return (index, value, secondValue);
    }

    /// <summary>Smallest lane of <paramref name="minimum"/> and, among lanes holding it, the smallest index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (int Index, double Value) HorizontalArgMin(Vector<double> minimum, Vector<long> lanes)
    {
        if (Vector<double>.Count == 4)
        {
            // Shuffles instead of a scalar loop: Math.Min branches, and mispredicts here cost more than the distances.
            var v = minimum.AsVector256();
            var half = Vector128.MinNative(v.GetLower(), v.GetUpper());
            var min = Vector128.MinNative(half, Vector128.Shuffle(half, Vector128.Create(1L, 0L))).ToScalar();
            var candidates = Vector256.ConditionalSelect(Vector256.Equals(v, Vector256.Create(min)).AsInt64(), lanes.AsVector256(), Vector256.Create(long.MaxValue));
            var halfIndex = Vector128.Min(candidates.GetLower(), candidates.GetUpper());
            var index = Vector128.Min(halfIndex, Vector128.Shuffle(halfIndex, Vector128.Create(1L, 0L))).ToScalar();
            return ((int)index, min);
        }

        var best = double.PositiveInfinity;
        var bestIndex = long.MaxValue;
        for (var l = 0; l < Vector<double>.Count; l++)
        {
            if (minimum[l] < best || (minimum[l] == best && lanes[l] < bestIndex))
            {
                best = minimum[l];
                bestIndex = lanes[l];
            }
        }

        return ((int)bestIndex, best);
    }

    /// <summary>0 for the first <paramref name="count"/> lanes, +∞ for the padding up to <paramref name="stride"/>.</summary>
    public static double[] PaddingPenalty(int count, int stride)
    {
        var penalty = new double[stride];
        penalty.AsSpan(count).Fill(double.PositiveInfinity);
        return penalty;
    }

    /// <summary>0, 1, 2, ... in the lanes of a <see cref="Vector{T}"/> of longs.</summary>
    internal static readonly Vector<long> LaneIndexValue = CreateLaneIndex();

    private static Vector<long> CreateLaneIndex()
    {
        var lanes = new long[Vector<long>.Count];
        for (var l = 0; l < lanes.Length; l++)
        {
            lanes[l] = l;
        }

        return new Vector<long>(lanes);
    }

    /// <summary>Branch-free minimum (one minsd) for data without NaN; Math.Min branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => Vector128.MinNative(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar();

    /// <summary>The smallest multiple of the vector width that holds <paramref name="count"/> lanes.</summary>
    public static int PaddedCount(int count) => (count + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
}
