using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Segmentation;

/// <summary>Issue 12: values that would break the numerics are refused where they enter the engine, with the column named.</summary>
public sealed class InputGuardTests
{
    [Theory]
    [InlineData(ClusteringAlgorithm.KMeans)]
    [InlineData(ClusteringAlgorithm.Hierarchical)]
    [InlineData(ClusteringAlgorithm.Dbscan)]
    public async Task SegmentAsync_HugeValuesUnscaled_InvalidInputNamingTheColumnAndScaling(ClusteringAlgorithm algorithm)
    {
        var spend = Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 1e200 : i).ToArray();
        var dataset = EngineTestData.Numbers(("Spend", spend), ("Visits", [.. Enumerable.Range(0, 60).Select(i => (double)(i % 7))]));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new SegmentationService().SegmentAsync(
            dataset,
            new SegmentationRequest { Algorithm = algorithm, ClusterCount = 3, Scaling = ScalingMethod.None, IncludeSweep = false }));

        Assert.Contains("'Spend'", error.Message, StringComparison.Ordinal);
        Assert.Contains("scaling", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Scaling", error.ParamName);
    }

    [Fact]
    public async Task SegmentAsync_KAboveTheDistinctCustomers_SaysSoInTheResult()
    {
        // 30 customers, only 2 distinct.
        var values = Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? 1.0 : 5.0).ToArray();
        var dataset = EngineTestData.Numbers(("Spend", values));

        var result = await new SegmentationService().SegmentAsync(dataset, new SegmentationRequest { ClusterCount = 4, IncludeSweep = false, IncludeStability = false });

        Assert.Equal(4, result.RequestedK);
        Assert.NotNull(result.EffectiveKMessage);
        Assert.Contains("k = 4 was asked for, but the data has only 2 distinct customers", result.EffectiveKMessage, StringComparison.Ordinal);
        Assert.Contains(result.EffectiveKMessage!, result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_EnoughDistinctCustomers_NoEffectiveKMessage()
    {
        var result = await new SegmentationService().SegmentAsync(EngineTestData.Blobs(300), new SegmentationRequest { ClusterCount = 3, IncludeSweep = false, IncludeStability = false });

        Assert.Null(result.EffectiveKMessage);
        Assert.Equal(0, result.NoiseShare);
        Assert.Null(result.SuggestedEps);
    }

    [Fact]
    public async Task SegmentAsync_Dbscan_NoiseShareAndSuggestedEpsInTheResult()
    {
        var result = await new SegmentationService().SegmentAsync(
            EngineTestData.Blobs(900),
            new SegmentationRequest { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 0.15, MinSamples = 5, IncludeStability = false });

        Assert.InRange(result.NoiseShare, 0.01, 0.99);
        Assert.Equal((double)result.Labels.Count(l => l < 0) / 900, result.NoiseShare, 12);
        Assert.NotNull(result.SuggestedEps);
        Assert.InRange(result.SuggestedEps!.Value, 0.05, 1.0);
        Assert.Contains("measure only the", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_AllNoise_ErrorPointsToTheSuggestedEps()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new SegmentationService().SegmentAsync(
            EngineTestData.Blobs(90),
            new SegmentationRequest { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 1e-6, MinSamples = 5 }));

        Assert.Contains("suggestedEps", error.Message, StringComparison.Ordinal);
        Assert.Contains("k-distance plot on the DBSCAN panel", error.Message, StringComparison.Ordinal);
    }
}
