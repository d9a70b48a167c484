namespace SegmentDashboard.Core.Segmentation;

/// <summary>The distance between customers a run's clustering and silhouette use; decided by <see cref="ClusteringPlanner"/>.</summary>
public enum DistanceMeasure
{
    /// <summary>Euclidean on the encoded, scaled features (categories one-hot).</summary>
    Euclidean,

    /// <summary>Gower's distance: range-scaled absolute differences on numbers, 0/1 mismatch on categories (as levels).</summary>
    Gower,
}
