using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Turns raw labels and centres into a canonical <see cref="KMeansResult"/>.</summary>
internal static class KMeansResults
{
    /// <summary>
    /// Labels renumbered by <see cref="ClusterLabels.Canonicalize"/> (0 = largest) and the
    /// centroid rows reordered to match; a cluster left without points keeps its centroid after
    /// the others.
    /// </summary>
    public static KMeansResult Build(FeatureMatrix x, int[] labels, double[] centres, int k, LloydRun run, KMeansOptions options)
    {
        var d = x.Columns;
        var canonical = ClusterLabels.Canonicalize(labels);
        var map = new int[k];
        Array.Fill(map, -1);
        var used = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (map[labels[i]] < 0)
            {
                map[labels[i]] = canonical[i];
                used++;
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (map[c] < 0)
            {
                map[c] = used++;
            }
        }

        var ordered = new double[k * d];
        for (var c = 0; c < k; c++)
        {
            centres.AsSpan(c * d, d).CopyTo(ordered.AsSpan(map[c] * d, d));
        }

        return new KMeansResult(canonical, FeatureMatrix.Wrap(ordered, k, d, x.ColumnNames), run.Inertia, run.Iterations, run.Converged, options);
    }
}
