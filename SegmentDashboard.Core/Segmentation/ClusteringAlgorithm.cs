namespace SegmentDashboard.Core.Segmentation;

public enum ClusteringAlgorithm
{
    KMeans,
    Hierarchical,
    Dbscan,

    /// <summary>Huang's k-prototypes: k-means on the numbers, matching dissimilarity (weighted by gamma) on the categories.</summary>
    KPrototypes,
}
