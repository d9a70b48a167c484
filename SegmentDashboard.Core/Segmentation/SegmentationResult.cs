using System.Collections.Immutable;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Explain;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Core.Projection;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>Quality figures of a segmentation, on the scaled matrix the algorithm saw (NaN when undefined).</summary>
public sealed record SegmentationMetrics(
    double Inertia,
    double Silhouette,
    double CalinskiHarabasz,
    double DaviesBouldin,
    double Stability);

/// <summary>Everything the dashboard, the API and exports show about one run. Immutable.</summary>
/// <param name="Labels">One per matrix row (Prepared.Matrix), canonical, -1 noise.</param>
/// <param name="RowLabels">One per dataset row, in file order; -1 for noise or a dropped row.</param>
/// <param name="Centroids">Segment means in the scaled space (k rows); used to assign new customers.</param>
/// <param name="Dendrogram">For hierarchical runs (over micro-clusters when <see cref="Note"/> says so).</param>
/// <param name="Note">A plain statement of any large-data approximation used, else null.</param>
public sealed record SegmentationResult(
    Dataset Dataset,
    SegmentationRequest Request,
    PreparedData Prepared,
    ImmutableArray<int> Labels,
    ImmutableArray<int> RowLabels,
    int ClusterCount,
    SegmentationMetrics Metrics,
    SilhouetteResult Silhouette,
    PcaResult Projection,
    Numerics.FeatureMatrix Centroids,
    Dendrogram? Dendrogram,
    KSweepResult? Sweep,
    ImmutableArray<SegmentProfile> Profiles,
    string? Note)
{
    /// <summary>Rules per segment and the tree's fidelity (issue 11); null when not computed.</summary>
    public SegmentExplanation? Explanation { get; init; }

    /// <summary>The distance the metrics used: "euclidean" or "gower".</summary>
    public string Distance { get; init; } = "euclidean";

    /// <summary>K-prototypes: the gamma used (the request's, or the default from the numeric spread); null for other algorithms.</summary>
    public double? Gamma { get; init; }

    /// <summary>How the run clustered (path, reason, sample sizes, memory estimate); decided once by <see cref="ClusteringPlanner"/>.</summary>
    public ClusteringPlan? Plan { get; init; }

    /// <summary>True when the dendrogram's leaves are customers (its plan ran exactly), false when they are micro-clusters.</summary>
    public bool DendrogramLeavesAreCustomers =>
        Dendrogram is { } dendrogram && Plan?.Path != ClusteringPath.MicroCluster && dendrogram.LeafCount == Labels.Length;

    /// <summary>The k the user asked for (null for DBSCAN or when the sweep chose it).</summary>
    public int? RequestedK { get; init; }

    /// <summary>
    /// Set when fewer segments exist than were asked for (e.g. k above the number of distinct
    /// customers): a sentence saying so, for the UI and the API. Null otherwise.
    /// </summary>
    public string? EffectiveKMessage { get; init; }

    /// <summary>Share of the used rows labelled noise (DBSCAN; 0 for the other algorithms).</summary>
    public double NoiseShare { get; init; }

    /// <summary>DBSCAN: the eps at the knee of the k-distance curve for the request's min samples; null otherwise.</summary>
    public double? SuggestedEps { get; init; }

    /// <summary>DBSCAN: the k-distance curve (sorted, with its knee) the suggested eps comes from; null otherwise.</summary>
    public KDistanceCurve? KDistance { get; init; }

    /// <summary>DBSCAN with IncludeSweep: segments and noise share per eps (instead of the k-sweep); empty otherwise.</summary>
    public ImmutableArray<EpsSweepPoint> EpsSweep { get; init; } = [];
}
