using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Options of <see cref="MiniBatchKMeans.Fit"/>.</summary>
public sealed record MiniBatchKMeansOptions(int ClusterCount)
{
    public int BatchSize { get; init; } = 4_096;

    public int MaxIterations { get; init; } = 200;

    public int Seed { get; init; }
}

/// <summary>Mini-batch K-means for very large inputs; the result has the same shape as <see cref="KMeans"/>.</summary>
public static class MiniBatchKMeans
{
    public static KMeansResult Fit(
        FeatureMatrix x,
        MiniBatchKMeansOptions options,
        IProgress<ClusteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the clustering work package.");
    }
}
