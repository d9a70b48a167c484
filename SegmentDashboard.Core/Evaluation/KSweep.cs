using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Evaluation;

/// <summary>Every metric for one k of a sweep.</summary>
public sealed record KSweepPoint(int K, double Inertia, double Silhouette, double CalinskiHarabasz, double DaviesBouldin, int SmallestClusterSize);

/// <summary>The result of a k-sweep and the suggested k (never one that makes a one-customer segment).</summary>
public sealed record KSweepResult(ImmutableArray<KSweepPoint> Points, int SuggestedK, string Reason);

/// <summary>Options of a k-sweep.</summary>
public sealed record KSweepOptions
{
    public int MinK { get; init; } = 2;

    public int MaxK { get; init; } = 15;

    /// <summary>Rows above which the silhouette per k is a sampled estimate.</summary>
    public int SilhouetteExactLimit { get; init; } = 5_000;

    public int Seed { get; init; }
}

/// <summary>Clusters for k = MinK..MaxK (capped at rows - 1) and scores each k.</summary>
public static class KSweep
{
    /// <param name="cluster">Labels for a given k (e.g. K-means with a seed); called once per k.</param>
    public static KSweepResult Run(
        FeatureMatrix x,
        KSweepOptions options,
        Func<int, CancellationToken, ImmutableArray<int>> cluster,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }
}
