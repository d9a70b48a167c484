using System.Globalization;
using Bunit;
using SegmentDashboard.Components.Pages;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>bUnit: the Compare page run end to end in the renderer: the ARI it shows and the Sankey it draws.</summary>
public sealed class ComparePageRenderingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public ComparePageRenderingTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    [Fact]
    public async Task ComparePage_CompareWithAnotherK_ShowsTheAriOfBothLabelingsAndASankey()
    {
        // Arrange: the current result (A) and, independently, the run the page will compute as B (k + 1, same settings).
        var state = ComponentRenderer.ReadyState();
        var a = state.Result!;
        var request = state.ResultSettings! with { ClusterCount = a.ClusterCount + 1, IncludeSweep = false, IncludeStability = false };
        var b = await new SegmentationService().SegmentAsync(a.Dataset, request);
        var expectedAri = AdjustedRandIndex.Compute(a.RowLabels.AsSpan(), b.RowLabels.AsSpan());
        await using var context = ComponentRenderer.CreateContext(state);
        var cut = context.Render<ComparePage>();
        Assert.Empty(cut.FindAll("[data-testid='compare-ari']"));

        // Act
        cut.Find("button[data-testid='compare-run']").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid='compare-ari']")), Patience);
        var ari = cut.Find("[data-testid='compare-ari']").TextContent;
        Assert.Contains($"ARI {FigureText.Number(expectedAri, 3)}", ari, StringComparison.Ordinal);
        Assert.InRange(expectedAri, -1.0, 0.999);
        Assert.Single(cut.FindAll("[data-testid='chart-sankey']"));
        Assert.Single(cut.FindAll("[data-testid='chart-contingency']"));
        Assert.Contains($"k = {(a.ClusterCount + 1).ToString(CultureInfo.InvariantCulture)}", ari, StringComparison.Ordinal);
    }
}
