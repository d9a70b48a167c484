using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Options of <see cref="Dbscan.Fit"/>; validated on entry (Eps &gt; 0, MinSamples ≥ 1).</summary>
/// <param name="Eps">Neighbourhood radius (Euclidean).</param>
/// <param name="MinSamples">Points within Eps, the point itself included, that make a core point.</param>
public sealed record DbscanOptions(double Eps, int MinSamples);

/// <summary>A DBSCAN fit: noise is -1, clusters canonical (0 is the largest).</summary>
public sealed record DbscanResult(ImmutableArray<int> Labels, int ClusterCount, int NoiseCount, ImmutableArray<bool> IsCore, DbscanOptions Options);

/// <summary>DBSCAN with a spatial index (no n x n matrix), plus the k-distance curve to pick eps.</summary>
public static class Dbscan
{
    public static DbscanResult Fit(
        FeatureMatrix x,
        DbscanOptions options,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the clustering work package.");
    }

    /// <summary>
    /// For every point, the distance to its k-th nearest neighbour (the point itself not counted),
    /// sorted descending: the "knee" of this curve is a good eps for MinSamples = k + 1.
    /// </summary>
    public static ImmutableArray<double> KDistances(FeatureMatrix x, int k, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the clustering work package.");
    }
}
