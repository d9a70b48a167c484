namespace SegmentDashboard.Core.Segmentation;

public enum ClusteringAlgorithm
{
    KMeans,
    Hierarchical,
    Dbscan,
}
