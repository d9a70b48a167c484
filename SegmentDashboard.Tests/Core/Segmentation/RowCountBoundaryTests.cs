using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Segmentation;

/// <summary>
/// Issue 12: every linkage works at 11,999 / 12,001 / 19,999 / 20,001 / 100,000 rows with
/// stability on (no refusal in the middle of the range), on the path the plan states, and finds
/// the three planted blobs. Two features keep them fast enough for CI. The 100,000-row cases take
/// about 2.5 minutes each on this 2-core machine, so they run with the other scale measurements
/// (SEGMENTDASHBOARD_SCALE_TESTS=1) and are skipped, saying so, in the default run.
/// Profiled (2026-11-29, Ward and average at 100,000 rows, stage times from the progress reports
/// on a machine at load ~20): about two thirds is the main run's 2,000-micro-cluster K-means
/// (seeding, not the Lloyd passes: 20,000 x 2,000 took ~10 s CPU with 1 iteration and with 7), the
/// rest the stability check's 5 re-runs of that path on 16,000-row resamples; the linkage over
/// 2,000 centres, the metrics, PCA and profiles are under a second. Plain k-means++ (one candidate
/// per centre instead of 2 + ln k) saved only ~20% CPU and worsened the quantizer's inertia, so the
/// seeding's per-centre pass over all rows is what a faster version must change.
/// </summary>
public sealed class RowCountBoundaryTests
{
    public static TheoryData<LinkageMethod, int> Cases()
    {
        var data = new TheoryData<LinkageMethod, int>();
        foreach (var linkage in Enum.GetValues<LinkageMethod>())
        {
            foreach (var rows in new[] { 11_999, 12_001, 19_999, 20_001, 100_000 })
            {
                data.Add(linkage, rows);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task SegmentAsync_EveryLinkageAtTheBoundaries_ClustersWithStabilityOnThePlannedPath(LinkageMethod linkage, int rows)
    {
        Skip.If(
            rows >= 100_000 && Environment.GetEnvironmentVariable(SegmentDashboard.Tests.Benchmarks.ScaleMeasurementTests.ScaleVariable) != "1",
            $"Skipped: {rows:N0} rows is a scale case; set {SegmentDashboard.Tests.Benchmarks.ScaleMeasurementTests.ScaleVariable}=1 to run it.");
        var service = new SegmentationService();
        var request = new SegmentationRequest
        {
            Algorithm = ClusteringAlgorithm.Hierarchical,
            Linkage = linkage,
            ClusterCount = 3,
            IncludeSweep = false,
            IncludeStability = true,
            Seed = 4,
        };
        var expectedPath = rows <= ClusteringPlanner.ExactHierarchicalRows(linkage, 2, service.Limits) ? ClusteringPath.Exact : ClusteringPath.MicroCluster;

        var result = await service.SegmentAsync(EngineTestData.Blobs(rows), request);

        Assert.NotNull(result.Plan);
        Assert.Equal(expectedPath, result.Plan!.Path);
        Assert.Equal(rows, result.Labels.Length);
        Assert.Equal(3, result.ClusterCount);
        if (linkage == LinkageMethod.Single)
        {
            // Single linkage splits off the most isolated outliers first: only a defined stability is asserted.
            Assert.InRange(result.Metrics.Stability, -1.0, 1.0);
        }
        else
        {
            // The blobs are planted every third row: each segment is one blob.
            var agreeing = Enumerable.Range(0, rows).Count(i => result.Labels[i] == result.Labels[i % 3]);
            Assert.True(agreeing >= rows * 0.99, $"{agreeing} of {rows} rows sit with their blob");
            Assert.InRange(result.Metrics.Stability, 0.9, 1.0);
        }

        Assert.Equal(expectedPath == ClusteringPath.MicroCluster, result.Dendrogram!.LeafCount < rows);
        if (rows > service.Limits.StabilityRows)
        {
            Assert.Equal(service.Limits.StabilityRows, result.Plan.StabilitySampleRows);
            Assert.Contains("on the same path as the main run", result.Note, StringComparison.Ordinal);
        }
    }
}
