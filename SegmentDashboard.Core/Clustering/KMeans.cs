using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Lloyd's K-means with greedy k-means++ initialization; SIMD and multi-core, deterministic for a seed.</summary>
public static class KMeans
{
    public static KMeansResult Fit(
        FeatureMatrix x,
        KMeansOptions options,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the clustering work package.");
    }
}
