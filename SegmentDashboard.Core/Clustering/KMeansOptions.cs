namespace SegmentDashboard.Core.Clustering;

/// <summary>Options of <see cref="KMeans.Fit"/>; validated on entry.</summary>
/// <param name="ClusterCount">k, at least 1 and at most the number of rows.</param>
public sealed record KMeansOptions(int ClusterCount)
{
    /// <summary>Independent k-means++ initializations; the lowest inertia wins.</summary>
    public int Restarts { get; init; } = 4;

    public int MaxIterations { get; init; } = 300;

    /// <summary>
    /// Converged when the total squared centre shift is at most Tolerance times the mean
    /// per-feature variance of the data (scikit-learn's definition).
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    public int Seed { get; init; }
}
