using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>DBSCAN's noise share on the metric cards and as a "Noise" bar in the sizes chart.</summary>
public sealed class NoiseShareTests
{
    private static readonly Dictionary<int, string> Names = new() { [0] = "Young", [1] = "Affluent", [2] = "Thrifty" };

    [Fact]
    public async Task MetricCards_Dbscan_ShowNoiseShareAndSilhouetteExcludesNoise()
    {
        var result = DbscanResult();

        var document = await ComponentRenderer.RenderAsync<MetricCards>(ComponentRenderer.ReadyState(result), Parameters(result));

        var noise = document.ByTestId("metric-noise")!;
        Assert.Equal("Noise: 25% of customers", noise.GetAttribute("aria-label"));
        Assert.Equal("25%", noise.QuerySelector(".metric-value")!.TextContent.Trim());
        Assert.Contains("of customers, in no segment (3)", noise.TextContent, StringComparison.Ordinal);
        Assert.Contains("noise excluded", document.ByTestId("metric-silhouette")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricCards_KMeans_NoNoiseCardNorNote()
    {
        var result = FakeSegmentation.Result();

        var document = await ComponentRenderer.RenderAsync<MetricCards>(ComponentRenderer.ReadyState(result), Parameters(result));

        Assert.Null(document.ByTestId("metric-noise"));
        Assert.DoesNotContain("noise", document.ByTestId("metric-silhouette")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sizes_Dbscan_LastBarIsNoiseInGreyWithItsShare()
    {
        var result = DbscanResult();

        var trace = PlotlyFigure.TraceJson(EvaluationFigures.Sizes(result, Names).Data[0]);

        Assert.Equal(["Young", "Affluent", "Thrifty", "Noise"], Strings(trace["y"]));
        Assert.Equal(3, trace["x"]!.AsArray()[^1]!.GetValue<int>());
        Assert.Equal("25.0%", Strings(trace["text"])[^1]);
        Assert.Equal(EvaluationFigures.NoiseColor, Strings(trace["marker"]!["color"])[^1]);
    }

    [Fact]
    public void Sizes_KMeans_NoNoiseBar()
    {
        var result = FakeSegmentation.Result();

        var trace = PlotlyFigure.TraceJson(EvaluationFigures.Sizes(result, Names).Data[0]);

        Assert.DoesNotContain("Noise", Strings(trace["y"]));
        Assert.Equal(3, trace["y"]!.AsArray().Count);
    }

    /// <summary>The fake result as DBSCAN with 3 of its 12 customers noise.</summary>
    private static SegmentationResult DbscanResult()
    {
        var result = FakeSegmentation.Result(algorithm: ClusteringAlgorithm.Dbscan);
        ImmutableArray<int> labels = [0, 0, 0, -1, 1, 1, 1, -1, 2, 2, 2, -1];
        return result with { Labels = labels, RowLabels = labels, NoiseShare = 0.25 };
    }

    private static Dictionary<string, object?> Parameters(SegmentationResult result) => new() { [nameof(MetricCards.Result)] = result };

    private static string[] Strings(JsonNode? values) => values!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
}
