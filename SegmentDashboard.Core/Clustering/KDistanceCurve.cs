using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// The k-distance plot that helps choose DBSCAN's eps: for every point, the distance to its
/// min-samples-th neighbour (the point itself counted, as min samples is), sorted ascending,
/// with the knee of the curve as the suggested eps.
/// </summary>
/// <param name="Distances">Ascending; one per point (or per sampled point, see <see cref="SampledRows"/>).</param>
/// <param name="KneeIndex">Index into <see cref="Distances"/> of the knee.</param>
/// <param name="SuggestedEps">Distances[KneeIndex]: a radius that most points' neighbourhoods reach before the curve turns up.</param>
/// <param name="SampledRows">Null when every row was used; else the size of the seeded sample the curve was computed on.</param>
public sealed record KDistanceCurve(ImmutableArray<double> Distances, int KneeIndex, double SuggestedEps, int MinSamples, int? SampledRows)
{
    /// <summary>Rows above which the curve is computed on a seeded sample (with the neighbour rank scaled to keep the same density).</summary>
    public const int MaxExactRows = 20_000;

    /// <summary>The curve of <paramref name="x"/> for <paramref name="minSamples"/> (at least 2 rows).</summary>
    public static KDistanceCurve Compute(FeatureMatrix x, int minSamples, int seed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ClusteringGuard.RequireRows(x, 2);
        ClusteringGuard.RequireAtLeast(minSamples, 1, nameof(minSamples));
        var source = x;
        int? sampled = null;
        var k = Math.Max(1, minSamples - 1);
        if (x.Rows > MaxExactRows)
        {
            // A uniform sample keeps the shape of the curve when the rank is scaled by the sampling fraction.
            var rows = RowSample.Draw(x.Rows, MaxExactRows, seed);
            source = x.SelectRows(rows);
            sampled = MaxExactRows;
            k = Math.Max(1, (int)Math.Round(k * (double)MaxExactRows / x.Rows));
        }

        k = Math.Min(k, source.Rows - 1);
        var descending = Dbscan.KDistances(source, k, cancellationToken);
        var ascending = descending.Reverse().ToImmutableArray();
        var knee = FindKnee(ascending.AsSpan());
        return new KDistanceCurve(ascending, knee, ascending[knee], minSamples, sampled);
    }

    /// <summary>
    /// The knee of an ascending curve: the point farthest below the chord from its first to its last
    /// point, both axes scaled to [0, 1] (the "kneedle" rule). A flat curve has its knee at the end.
    /// </summary>
    public static int FindKnee(ReadOnlySpan<double> ascending)
    {
        var n = ascending.Length;
        if (n == 0)
        {
            throw new ArgumentException("The curve has no points.", nameof(ascending));
        }

        var low = ascending[0];
        var span = ascending[n - 1] - low;
        if (n < 3 || !(span > 0))
        {
            return n - 1;
        }

        var best = n - 1;
        var bestGap = 0.0;
        for (var i = 0; i < n; i++)
        {
            var gap = ((double)i / (n - 1)) - ((ascending[i] - low) / span);
            if (gap > bestGap)
            {
                bestGap = gap;
                best = i;
            }
        }

        return best;
    }
}
