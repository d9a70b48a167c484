using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>An immutable K-means fit. Labels are canonical: 0 is the largest segment.</summary>
/// <param name="Centroids">k rows, one per label, in label order.</param>
public sealed record KMeansResult(
    ImmutableArray<int> Labels,
    FeatureMatrix Centroids,
    double Inertia,
    int Iterations,
    bool Converged,
    KMeansOptions Options)
{
    public int ClusterCount => Centroids.Rows;

    /// <summary>The label of the nearest centroid.</summary>
    public int Predict(ReadOnlySpan<double> point)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < Centroids.Rows; c++)
        {
            var centroid = Centroids.Row(c);
            var distance = 0.0;
            for (var j = 0; j < point.Length; j++)
            {
                var diff = point[j] - centroid[j];
                distance += diff * diff;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return best;
    }
}
