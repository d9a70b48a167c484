using System.Text;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Explain;

public sealed class ProfileExportRuleTests
{
    [Fact]
    public async Task ProfilesCsvAndJson_WithAnExplanation_CarryEachSegmentsRule()
    {
        // Arrange
        var dataset = SegmentExplainerTests.Planted(out _);
        var result = await new SegmentationService().SegmentAsync(dataset, new SegmentationRequest { ClusterCount = 3, IncludeSweep = false, IncludeStability = false });
        var explanation = result.Explanation!;

        // Act
        using var csv = new MemoryStream();
        ProfileExport.WriteCsv(csv, result.Profiles, explanation);
        using var json = new MemoryStream();
        ProfileExport.WriteJson(json, result.Profiles, explanation);

        // Assert
        var csvText = Encoding.UTF8.GetString(csv.ToArray());
        var jsonText = Encoding.UTF8.GetString(json.ToArray());
        Assert.Contains("Rule,Rule precision,Rule coverage", csvText, StringComparison.Ordinal);
        foreach (var rule in explanation.Rules)
        {
            Assert.Contains(rule.Text, csvText, StringComparison.Ordinal);
            Assert.Contains(System.Text.Json.JsonSerializer.Serialize(rule.Text)[1..^1], jsonText, StringComparison.Ordinal);
        }
    }
}
