using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;

namespace SegmentDashboard.Tests.Web.Reports;

/// <summary>The HTML report of a k-prototypes run names the method, the gamma used and the distance of each figure.</summary>
public sealed class HtmlReportKPrototypesTests
{
    [Fact]
    public async Task Build_KPrototypesOnTheSample_StatesMethodGammaAndDistances()
    {
        var service = new SegmentationService();
        var result = await service.SegmentAsync(service.Sample(), new SegmentationRequest { Algorithm = ClusteringAlgorithm.KPrototypes, ClusterCount = 3, Seed = 1, IncludeStability = false, IncludeSweep = false });

        var html = HtmlReport.Build("Mixed", result, "/* plotly */", DateTimeOffset.UnixEpoch);

        Assert.Contains("K-prototypes (mixed data)", html, StringComparison.Ordinal);
        Assert.Contains("0.5 (default from the numeric spread)", html, StringComparison.Ordinal);
        Assert.Contains("Silhouette: Gower distance", html, StringComparison.Ordinal);
    }
}
