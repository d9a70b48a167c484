using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// The visible text of each settings choice: one place for both a select's options and the text it
/// shows once chosen (an automated walk clicks these labels).
/// </summary>
public static class ChoiceLabels
{
    public static string Algorithm(ClusteringAlgorithm algorithm) => algorithm switch
    {
        ClusteringAlgorithm.KMeans => "K-means",
        ClusteringAlgorithm.Hierarchical => "Hierarchical",
        ClusteringAlgorithm.Dbscan => "DBSCAN (density)",
        ClusteringAlgorithm.KPrototypes => "K-prototypes (mixed data)",
        _ => algorithm.ToString(),
    };

    public static string Scaling(ScalingMethod scaling) => scaling switch
    {
        ScalingMethod.ZScore => "Z-score",
        ScalingMethod.MinMax => "Min–max",
        ScalingMethod.Robust => "Robust (median, IQR)",
        ScalingMethod.None => "None",
        _ => scaling.ToString(),
    };

    public static string Missing(MissingValueStrategy missing) => missing switch
    {
        MissingValueStrategy.Median => "Fill with median",
        MissingValueStrategy.Mean => "Fill with mean",
        MissingValueStrategy.MostFrequent => "Most frequent",
        MissingValueStrategy.Constant => "Fill with 0",
        MissingValueStrategy.DropRows => "Drop rows",
        _ => missing.ToString(),
    };

    /// <summary>The choices in the order the selects offer them.</summary>
    public static readonly IReadOnlyList<ClusteringAlgorithm> Algorithms =
        [ClusteringAlgorithm.KMeans, ClusteringAlgorithm.Hierarchical, ClusteringAlgorithm.Dbscan, ClusteringAlgorithm.KPrototypes];

    public static readonly IReadOnlyList<ScalingMethod> ScalingMethods =
        [ScalingMethod.ZScore, ScalingMethod.MinMax, ScalingMethod.Robust, ScalingMethod.None];

    public static readonly IReadOnlyList<MissingValueStrategy> MissingStrategies =
        [MissingValueStrategy.Median, MissingValueStrategy.Mean, MissingValueStrategy.MostFrequent, MissingValueStrategy.Constant, MissingValueStrategy.DropRows];
}
