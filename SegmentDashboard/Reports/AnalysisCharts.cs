using System.Collections.Immutable;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Reports;

/// <summary>
/// The charts of one analysis, in reading order, from the same figure builders as the dashboard:
/// used by the read-only page and the HTML report so both show the same pictures.
/// </summary>
public static class AnalysisCharts
{
    public static ImmutableArray<ChartSpec> For(SegmentationResult result, IReadOnlyDictionary<int, string> names)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(names);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        charts.Add(new ChartSpec("chart-scatter", "Customers by segment", "First two principal components", ScatterFigures.Pca(result, names)));
        charts.Add(new ChartSpec("chart-sizes", "Segment sizes", null, EvaluationFigures.Sizes(result, names)));
        charts.Add(new ChartSpec("chart-profile-heatmap", "How segments differ", "Effect size: segment mean minus overall mean, in standard deviations", ProfileFigures.ZScoreHeatmap(result.Profiles, names)));
        charts.Add(new ChartSpec("chart-radar", "Profile shapes", "Effect sizes of the most distinguishing features", ProfileFigures.Radar(result.Profiles, names)));
        charts.Add(new ChartSpec("chart-silhouette", "Silhouette per customer", "Higher is better; below 0 means closer to another segment", EvaluationFigures.PerSample(result.Silhouette, result.Labels, names)));
        if (result.Sweep is { } sweep)
        {
            charts.Add(new ChartSpec("chart-elbow", "Elbow: inertia by k", $"Suggested k = {sweep.SuggestedK}", EvaluationFigures.Elbow(sweep, result.ClusterCount)));
        }

        if (result.Dendrogram is { } dendrogram)
        {
            charts.Add(new ChartSpec(
                "chart-dendrogram",
                "Dendrogram",
                $"Cut at {result.ClusterCount} segments",
                DendrogramFigure.Build(dendrogram, result.ClusterCount, result.DendrogramLeavesAreCustomers ? result.Labels : null)));
        }

        return charts.ToImmutable();
    }
}
