using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Segmentation;

/// <summary>The one place that picks the clustering path: no refusal inside the supported range, a stated reason and memory estimate.</summary>
public sealed class ClusteringPlannerTests
{
    private static readonly SegmentationLimits Limits = SegmentationLimits.Default;

    [Theory]
    [InlineData(LinkageMethod.Complete, 11_999, ClusteringPath.Exact)]
    [InlineData(LinkageMethod.Complete, 12_000, ClusteringPath.Exact)]
    [InlineData(LinkageMethod.Complete, 12_001, ClusteringPath.MicroCluster)]
    [InlineData(LinkageMethod.Average, 15_000, ClusteringPath.MicroCluster)]
    [InlineData(LinkageMethod.Average, 19_999, ClusteringPath.MicroCluster)]
    [InlineData(LinkageMethod.Ward, 19_999, ClusteringPath.Exact)]
    [InlineData(LinkageMethod.Ward, 20_000, ClusteringPath.Exact)]
    [InlineData(LinkageMethod.Ward, 20_001, ClusteringPath.MicroCluster)]
    [InlineData(LinkageMethod.Single, 20_001, ClusteringPath.MicroCluster)]
    [InlineData(LinkageMethod.Average, 5_000_000, ClusteringPath.MicroCluster)]
    public void Choose_Hierarchical_ExactWhileFeasibleThenMicroClustersNeverRefused(LinkageMethod linkage, int rows, ClusteringPath expected)
    {
        var plan = ClusteringPlanner.Choose(new SegmentationRequest { Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = linkage }, rows, 4, Limits);

        Assert.Equal(expected, plan.Path);
        Assert.True(plan.MemoryEstimateBytes <= plan.MemoryBudgetBytes, plan.Reason);
        Assert.Equal(expected == ClusteringPath.MicroCluster ? 2_000 : null, plan.MicroClusters);
        Assert.Contains($"{linkage} linkage", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_CompleteLinkageUnderASmallBudget_MicroClustersWhereTheMatrixNoLongerFits()
    {
        // 256 MB holds the distance matrix of about 8,000 rows, not 10,000.
        var limits = new SegmentationLimits { MaxWorkBytes = 256L * 1024 * 1024 };
        var request = new SegmentationRequest { Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Complete };

        Assert.Equal(ClusteringPath.Exact, ClusteringPlanner.Choose(request, 7_000, 2, limits).Path);
        Assert.Equal(ClusteringPath.MicroCluster, ClusteringPlanner.Choose(request, 10_000, 2, limits).Path);
    }

    [Fact]
    public void Choose_KMeansAboveItsExactLimit_MiniBatchWithTheReason()
    {
        var plan = ClusteringPlanner.Choose(new SegmentationRequest(), 3_000_000, 3, Limits);

        Assert.Equal(ClusteringPath.MiniBatch, plan.Path);
        Assert.Contains("mini-batches over 3,000,000 customers", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(20_000, plan.SweepSampleRows);
        Assert.Equal(20_000, plan.StabilitySampleRows);
    }

    [Fact]
    public void Choose_SmallData_NoSamples()
    {
        var plan = ClusteringPlanner.Choose(new SegmentationRequest(), 500, 3, Limits);

        Assert.Equal(ClusteringPath.Exact, plan.Path);
        Assert.Null(plan.SweepSampleRows);
        Assert.Null(plan.StabilitySampleRows);
        Assert.False(plan.IsApproximate);
    }

    [Fact]
    public void Choose_WorkAboveTheBudget_RefusedWithTheEstimateAndWhatToDo()
    {
        var limits = new SegmentationLimits { MaxWorkBytes = 16L * 1024 * 1024 };

        var plan = ClusteringPlanner.Choose(new SegmentationRequest(), 1_000_000, 10, limits);

        Assert.Equal(ClusteringPath.Refused, plan.Path);
        Assert.Contains("more than the 16 MB one run may use", plan.Reason, StringComparison.Ordinal);
        Assert.Contains("fewer features", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_RefusedPlan_InvalidInputWithItsReason()
    {
        var service = new SegmentationService(new SegmentationLimits { MaxWorkBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(EngineTestData.Blobs(50_000), new SegmentationRequest { ClusterCount = 3 }));

        Assert.Contains("one run may use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_Dbscan_MemoryLinearInRowsWhateverEps()
    {
        var narrow = ClusteringPlanner.Choose(new SegmentationRequest { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 0.1 }, 100_000, 2, Limits);
        var wide = ClusteringPlanner.Choose(new SegmentationRequest { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 1e6 }, 100_000, 2, Limits);
        var twice = ClusteringPlanner.Choose(new SegmentationRequest { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 1e6 }, 200_000, 2, Limits);

        Assert.Equal(narrow.MemoryEstimateBytes, wide.MemoryEstimateBytes);
        Assert.Equal(2 * wide.MemoryEstimateBytes, twice.MemoryEstimateBytes);
        Assert.Null(wide.SweepSampleRows);
    }
}
