using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Agglomerative clustering. Ward (and the others) in O(n·d) memory via the nearest-neighbour
/// chain on the raw points, never an n x n matrix.
/// </summary>
public static class HierarchicalClustering
{
    public static Dendrogram Fit(
        FeatureMatrix x,
        LinkageMethod method,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the clustering work package.");
    }
}
