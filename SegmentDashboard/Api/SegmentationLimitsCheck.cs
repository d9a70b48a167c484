using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>The start-up check of the configured <see cref="SegmentationLimits"/>.</summary>
internal static class SegmentationLimitsCheck
{
    /// <summary>Why the limits are invalid, or null.</summary>
    public static string? Problem(SegmentationLimits limits) =>
        limits.ExactSilhouetteRows < 2 || limits.ExactHierarchicalRows < 2 || limits.ExactKMeansRows < 2 || limits.ExactKPrototypesRows < 2
            || limits.SweepRows < 3 || limits.StabilityRows < 3 || limits.SilhouetteReferenceRows < 2
            ? "Segmentation row limits must be at least 2 (3 for SweepRows and StabilityRows)."
            : limits.MicroClusters < 2 ? "Segmentation:MicroClusters must be at least 2."
            : limits.MaxClusterCount < 2 ? "Segmentation:MaxClusterCount must be at least 2."
            : limits.MaxWorkBytes < 1024 * 1024 ? "Segmentation:MaxWorkBytes must be at least 1 MB."
            : null;
}
