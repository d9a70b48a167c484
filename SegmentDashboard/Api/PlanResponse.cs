using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>The <c>plan</c> of a /api/segment response: how the engine clustered the rows.</summary>
/// <param name="Path">exact, microCluster, miniBatch, sampled (k-prototypes fitted on a sample).</param>
/// <param name="Reason">One plain sentence saying what ran and why.</param>
/// <param name="MicroClusters">Micro-clusters on the micro-cluster path, else null.</param>
/// <param name="SweepSampleRows">Rows of the k-sweep's sample when sampled, else null.</param>
/// <param name="StabilitySampleRows">Rows of the stability check's sample when sampled, else null.</param>
/// <param name="MemoryEstimateBytes">Estimated working memory of the clustering step.</param>
/// <param name="MemoryBudgetBytes">Segmentation:MaxWorkBytes, the budget it was checked against.</param>
public sealed record PlanResponse(
    string Path,
    string Reason,
    int? MicroClusters,
    int? SweepSampleRows,
    int? StabilitySampleRows,
    long MemoryEstimateBytes,
    long MemoryBudgetBytes)
{
    public static PlanResponse From(ClusteringPlan plan)
    {
        System.ArgumentNullException.ThrowIfNull(plan);
        return new PlanResponse(
            PathName(plan.Path),
            plan.Reason,
            plan.MicroClusters,
            plan.SweepSampleRows,
            plan.StabilitySampleRows,
            plan.MemoryEstimateBytes,
            plan.MemoryBudgetBytes);
    }

    /// <summary>The JSON spelling of a path.</summary>
    public static string PathName(ClusteringPath path) => path switch
    {
        ClusteringPath.Exact => "exact",
        ClusteringPath.MicroCluster => "microCluster",
        ClusteringPath.MiniBatch => "miniBatch",
        ClusteringPath.Sampled => "sampled",
        _ => "refused",
    };
}
