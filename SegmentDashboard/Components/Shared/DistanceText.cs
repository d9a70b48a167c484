using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Components.Shared;

/// <summary>Which distance each quality figure of a run used, in words (metric cards, HTML report).</summary>
public static class DistanceText
{
    /// <summary>One sentence naming the distance behind the silhouette and behind the other figures.</summary>
    public static string Of(SegmentationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Distance == "gower"
            ? "Silhouette: Gower distance (numbers scaled by their range, categories compared as levels). Inertia, Calinski–Harabasz and Davies–Bouldin: Euclidean distance on the scaled features (categories one-hot)."
            : "Every figure uses Euclidean distance on the scaled features (categories one-hot).";
    }
}
