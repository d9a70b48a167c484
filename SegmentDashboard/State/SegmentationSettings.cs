using System.Collections.Immutable;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.State;

/// <summary>What the user chose on the Segments page (and the feature checkboxes of the Data page).</summary>
/// <param name="ClusterCount">Null until the user picks k: the k-sweep's suggestion is used.</param>
public sealed record SegmentationSettings(
    ImmutableArray<string> Features,
    ClusteringAlgorithm Algorithm = ClusteringAlgorithm.KMeans,
    int? ClusterCount = null,
    LinkageMethod Linkage = LinkageMethod.Ward,
    double Eps = 0.5,
    int MinSamples = 5,
    ScalingMethod Scaling = ScalingMethod.ZScore,
    MissingValueStrategy Missing = MissingValueStrategy.Median,
    int Seed = 0)
{
    /// <summary>K-prototypes' gamma; null means the default from the numeric spread.</summary>
    public double? Gamma { get; init; }

    public const int MinClusterCount = 2;

    /// <summary>The default of Segmentation:MaxClusterCount; the configured value is <see cref="DashboardState.MaxClusterCount"/>.</summary>
    public const int MaxClusterCount = 15;

    /// <summary>The request the service runs; the k-sweep when asked for or when k is the sweep's suggestion.</summary>
    public SegmentationRequest ToRequest(bool includeSweep, bool includeStability = true) => new()
    {
        Features = Features,
        Algorithm = Algorithm,
        ClusterCount = ClusterCount,
        Linkage = Linkage,
        Eps = Eps,
        MinSamples = MinSamples,
        Scaling = Scaling,
        Missing = Missing,
        Seed = Seed,
        Gamma = Gamma,
        IncludeSweep = includeSweep || ClusterCount is null,
        IncludeStability = includeStability,
    };

    /// <summary>
    /// Everything the k-sweep depends on: the engine's sweep is K-means with the seed on the prepared
    /// features whatever the algorithm and k, so changing k or the method reuses the previous sweep.
    /// </summary>
    public SweepKey ToSweepKey() => new(string.Join('\u001f', Features), Scaling, Missing, Seed);

    public bool Equals(SegmentationSettings? other) =>
        other is not null
        && Features.SequenceEqual(other.Features)
        && Algorithm == other.Algorithm
        && ClusterCount == other.ClusterCount
        && Linkage == other.Linkage
        && Eps.Equals(other.Eps)
        && MinSamples == other.MinSamples
        && Scaling == other.Scaling
        && Missing == other.Missing
        && Seed == other.Seed
        && Nullable.Equals(Gamma, other.Gamma);

    public override int GetHashCode() => HashCode.Combine(HashCode.Combine(Features.Length, Algorithm, ClusterCount, Linkage, Eps, MinSamples, Scaling, Seed), Gamma);
}

/// <summary>The inputs of a k-sweep, compared by value.</summary>
public sealed record SweepKey(string Features, ScalingMethod Scaling, MissingValueStrategy Missing, int Seed);
