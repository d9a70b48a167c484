using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// sums. <paramref name="stride"/> is a multiple of the vector width; padded lanes are
    /// computed too and must be ignored by the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SquaredToCentres(ReadOnlySpan<double> row, double[] centresT, int stride, Span<double> result)
    {
        var d = row.Length;
        ref var pc = ref MemoryMarshal.GetArrayDataReference(centresT);
        ref var pr = ref MemoryMarshal.GetReference(result);
        for (var c0 = 0; c0 < stride; c0 += Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (var j = 0; j < d; j++)
            {
                var diff = new Vector<double>(row[j]) - Vector.LoadUnsafe(ref pc, (nuint)((j * stride) + c0));
                acc += diff * diff;
            }

            acc.StoreUnsafe(ref pr, (nuint)c0);
        }
    }

    /// <summary>The smallest multiple of the vector width that holds <paramref name="count"/> lanes.</summary>
    public static int PaddedCount(int count) => (count + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
}
