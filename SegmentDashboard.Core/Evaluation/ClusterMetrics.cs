using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>
/// Internal validity indices computed on the matrix the algorithm saw, matching scikit-learn.
/// Rows labelled -1 (noise) are left out. NaN when an index is undefined (fewer than 2 clusters).
/// </summary>
public static class ClusterMetrics
{
    /// <summary>Sum of squared distances of points to their cluster mean.</summary>
    public static double Inertia(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }

    public static double CalinskiHarabasz(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }

    public static double DaviesBouldin(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }
}
