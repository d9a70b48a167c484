namespace SegmentDashboard.Core.Segmentation;

/// <summary>Size limits beyond which the pipeline switches to its documented large-data approach.</summary>
public sealed record SegmentationLimits
{
    /// <summary>Above this many rows the silhouette is a stratified sampled estimate with a stated error.</summary>
    public int ExactSilhouetteRows { get; init; } = 20_000;

    /// <summary>Above this many rows hierarchical clustering runs Ward/linkage over K-means micro-clusters.</summary>
    public int ExactHierarchicalRows { get; init; } = 20_000;

    /// <summary>Number of micro-clusters used above <see cref="ExactHierarchicalRows"/>.</summary>
    public int MicroClusters { get; init; } = 2_000;

    /// <summary>Above this many rows K-means is mini-batch.</summary>
    public int ExactKMeansRows { get; init; } = 2_000_000;

    /// <summary>
    /// Above this many rows k-prototypes fits its prototypes on a seeded random sample of this many
    /// rows and then assigns every row to its nearest prototype (the plan's reason says so).
    /// </summary>
    public int ExactKPrototypesRows { get; init; } = 50_000;

    /// <summary>
    /// Above this many rows the k-sweep (k = 2..<see cref="MaxClusterCount"/>) runs on a seeded random
    /// sample of this many rows; its Reason says so. The chosen k is then fitted on all rows.
    /// </summary>
    public int SweepRows { get; init; } = 20_000;

    /// <summary>
    /// Above this many rows the stability score re-clusters 80% resamples of a seeded random sample
    /// of this many rows (compared with the full-data labels of those rows); the Note says so.
    /// </summary>
    public int StabilityRows { get; init; } = 20_000;

    /// <summary>
    /// Above twice this many rows, the sampled silhouette measures each sampled row's a and b
    /// against a stratified reference sample of about this many rows (the stated standard error
    /// includes that sample's error) instead of against every row.
    /// </summary>
    public int SilhouetteReferenceRows { get; init; } = 20_000;

    /// <summary>The largest k the user can ask for (K-means and hierarchical); also the top of the k-sweep.</summary>
    public int MaxClusterCount { get; init; } = 15;

    /// <summary>
    /// Memory one run may use for its clustering work (bytes; default 2 GiB, a fair share of a
    /// 24 GB server for several concurrent runs). <see cref="ClusteringPlanner"/> refuses a plan
    /// whose estimate exceeds it and picks complete/average linkage's exact path only while its
    /// distance matrix fits.
    /// </summary>
    public long MaxWorkBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public static SegmentationLimits Default { get; } = new();
}
