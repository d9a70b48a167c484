using System.Collections.Immutable;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// Everything the user chose for one segmentation run: the one settings record. The dashboard's
/// state holds it as the user's settings, the API parses it, the sample cache keys on it and saved
/// analyses store it. Compared by value (the feature list by content): a new parameter is one new
/// property here and nothing else. Validated by <see cref="SegmentationService"/>.
/// </summary>
public sealed record SegmentationRequest
{
    /// <summary>The smallest k a user may choose; the largest is <see cref="SegmentationLimits.MaxClusterCount"/>.</summary>
    public const int MinClusterCount = 2;

    // Held as an EquatableArray so the compiler's record equality compares the names, not the array.
    private readonly EquatableArray<string> _features = new([]);

    /// <summary>Dataset column names; empty means <see cref="Preprocessor.DefaultFeatures"/>.</summary>
    public ImmutableArray<string> Features
    {
        get => _features.Items;
        init => _features = new EquatableArray<string>(value);
    }

    public ClusteringAlgorithm Algorithm { get; init; } = ClusteringAlgorithm.KMeans;

    /// <summary>k for K-means and hierarchical; null means "use the k-sweep's suggestion".</summary>
    public int? ClusterCount { get; init; }

    public LinkageMethod Linkage { get; init; } = LinkageMethod.Ward;

    public double Eps { get; init; } = 0.5;

    public int MinSamples { get; init; } = 5;

    public ScalingMethod Scaling { get; init; } = ScalingMethod.ZScore;

    public MissingValueStrategy Missing { get; init; } = MissingValueStrategy.Median;

    public int Seed { get; init; }

    public int Restarts { get; init; } = 4;

    /// <summary>
    /// K-prototypes: the weight of one categorical mismatch against squared (scaled) numeric
    /// distance; null means Huang's default from the numeric spread (<see cref="KPrototypes.DefaultGamma"/>).
    /// Finite and at least 0.
    /// </summary>
    public double? Gamma { get; init; }

    /// <summary>
    /// Also run the k = 2..15 sweep (elbow / silhouette vs k charts). The sweep is K-means with
    /// <see cref="Seed"/> and <see cref="Restarts"/> whatever the algorithm, and does not depend on
    /// k: see <see cref="SegmentationService.SweepAsync"/> to compute it once.
    /// </summary>
    public bool IncludeSweep { get; init; } = true;

    /// <summary>Also compute the stability score (mean ARI over 5 runs of the same algorithm on 80% resamples).</summary>
    public bool IncludeStability { get; init; } = true;

    /// <summary>
    /// Everything the k-sweep depends on, compared by value: the sweep is K-means with the seed and
    /// restarts on the prepared features whatever the algorithm and k, so two requests with equal
    /// sweep inputs share one sweep (changing k or the method reuses it).
    /// </summary>
    public SegmentationRequest SweepInputs() => new()
    {
        Features = Features,
        Scaling = Scaling,
        Missing = Missing,
        Seed = Seed,
        Restarts = Restarts,
    };
}
