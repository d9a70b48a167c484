using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace SegmentDashboard.Core.Statistics;

/// <summary>Equal-width bins: <see cref="Edges"/> has one more entry than <see cref="Counts"/>.</summary>
public sealed record Histogram(ImmutableArray<double> Edges, ImmutableArray<int> Counts)
{
    public int BinCount => Counts.Length;
}

/// <summary>Server-side binning so charts never ship raw points.</summary>
public static class HistogramBuilder
{
    /// <summary>
    /// Bins the finite values (NaN ignored) with the Freedman–Diaconis width
    /// (2·IQR·n^(-1/3)), falling back to Sturges when IQR is 0, capped at <paramref name="maxBins"/>.
    /// </summary>
    /// <remarks>
    /// The bin count is ceil(range / width), as numpy's <c>histogram_bin_edges(bins="fd")</c>; with
    /// IQR 0 it is ceil(log2(n) + 1) (Sturges). A constant column gets one bin [v - 0.5, v + 0.5];
    /// no finite value gives one empty bin [0, 1]. The last bin includes its right edge.
    /// </remarks>
    public static Histogram FreedmanDiaconis(ReadOnlySpan<double> values, int maxBins = 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        var sorted = Quantiles.SortedFinite(values);
        var n = sorted.Length;
        if (n == 0)
        {
            return new Histogram([0.0, 1.0], [0]);
        }

        double min = sorted[0], max = sorted[^1];
        if (max == min)
        {
            return new Histogram([min - 0.5, min + 0.5], [n]);
        }

        var iqr = Quantiles.OfSorted(sorted, 0.75) - Quantiles.OfSorted(sorted, 0.25);
        double bins = iqr > 0
            ? Math.Ceiling((max - min) / (2 * iqr * Math.Pow(n, -1.0 / 3.0)))
            : Math.Ceiling(Math.Log2(n) + 1);
        var binCount = (int)Math.Clamp(bins, 1, maxBins);
        var edges = new double[binCount + 1];
        for (var i = 0; i <= binCount; i++)
        {
            edges[i] = min + ((max - min) * i / binCount);
        }

        edges[^1] = max;
        return Count(sorted, [.. edges], equalWidth: true);
    }

    /// <summary>Bins the values with the given edges (e.g. one histogram per segment on shared edges).</summary>
    /// <remarks>
    /// Edges must be at least two, ascending. Bins are [e_i, e_i+1) except the last, which includes
    /// its right edge (as numpy); values outside the edges and NaN are not counted.
    /// </remarks>
    public static Histogram WithEdges(ReadOnlySpan<double> values, ImmutableArray<double> edges)
    {
        if (edges.IsDefault || edges.Length < 2)
        {
            throw new ArgumentException("A histogram needs at least two edges.", nameof(edges));
        }

        for (var i = 1; i < edges.Length; i++)
        {
            if (!(edges[i] > edges[i - 1]))
            {
                throw new ArgumentException("Histogram edges must be strictly ascending.", nameof(edges));
            }
        }

        return Count(values, edges, equalWidth: false);
    }

    private static Histogram Count(ReadOnlySpan<double> values, ImmutableArray<double> edges, bool equalWidth)
    {
        var binCount = edges.Length - 1;
        var counts = new int[binCount];
        double first = edges[0], last = edges[^1];
        var edgeSpan = edges.AsSpan();
        foreach (var value in values)
        {
            if (!(value >= first && value <= last))
            {
                continue;
            }

            int bin;
            if (equalWidth)
            {
                bin = Math.Min((int)((value - first) / (last - first) * binCount), binCount - 1);
                // Rounding can put a value one bin off its edges; step back to the right bin.
                if (bin > 0 && value < edgeSpan[bin])
                {
                    bin--;
                }
                else if (bin < binCount - 1 && value >= edgeSpan[bin + 1])
                {
                    bin++;
                }
            }
            else
            {
                var found = edgeSpan.BinarySearch(value);
                bin = found >= 0 ? Math.Min(found, binCount - 1) : ~found - 1;
            }

            counts[bin]++;
        }

        return new Histogram(edges, ImmutableCollectionsMarshal.AsImmutableArray(counts));
    }
}
