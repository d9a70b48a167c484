using AngleSharp.Html.Parser;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;

namespace SegmentDashboard.Tests.Web.Reports;

public sealed class HtmlReportTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    private static readonly Lazy<SegmentationResult> Result = new(() =>
    {
        var csv = "Age,Income,Segment of <script>\n" + string.Join('\n', Enumerable.Range(0, 30).Select(i =>
            $"{20 + (i % 3 * 20) + (i % 5)},{10 + (i % 3 * 40) + (i % 7)},{(i % 2 == 0 ? Hostile : "</script><u>x</u>")}")) + "\n";
        var dataset = CsvLoader.LoadText(csv, "bad<name>.csv");
        var request = new SegmentationRequest { ClusterCount = 3, IncludeStability = false, IncludeSweep = true };
        var result = new SegmentationService().SegmentAsync(dataset, request).GetAwaiter().GetResult();
        return result with { Profiles = [.. result.Profiles.Select(p => p with { Name = p.SegmentId == 0 ? Hostile : p.Name })] };
    });

    [Fact]
    public void Build_HostileCsvText_EncodedEverywhereAndOneCardPerSegment()
    {
        // Arrange
        var result = Result.Value;

        // Act
        var html = HtmlReport.Build("Q3 <script>alert(1)</script>", result, "/* plotly */", new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var document = new HtmlParser().ParseDocument(html);

        // Assert: no element came from CSV text; the texts read back as typed.
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Empty(document.QuerySelectorAll("u"));
        Assert.Equal(2, document.QuerySelectorAll("script:not([type])").Length);
        Assert.Equal("Q3 <script>alert(1)</script>", document.QuerySelector("[data-testid='report-title']")!.TextContent);
        Assert.Equal(3, document.QuerySelectorAll("[data-testid='segment-card']").Length);
        Assert.Equal(Hostile, document.QuerySelector("[data-testid='segment-name']")!.TextContent);
        Assert.Contains("bad<name>.csv", document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            document.QuerySelectorAll("[data-figure]").Select(e => e.GetAttribute("data-figure")),
            document.QuerySelectorAll("script[type='application/json']").Select(e => e.Id));
        Assert.Contains("2026-11-23 12:00 UTC", html, StringComparison.Ordinal);

        // The settings and quality sections are there.
        Assert.Contains("K-means", document.QuerySelector("[data-testid='report-settings']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, document.QuerySelectorAll("[data-testid='report-metrics'] .metric").Length);
    }

    [Fact]
    public void Build_FigureJsonAndScript_CannotCloseTheirScriptBlocks()
    {
        var html = HtmlReport.Build("t", Result.Value, "var a = '</script><script>alert(1)</script>';", DateTimeOffset.UnixEpoch);
        var document = new HtmlParser().ParseDocument(html);

        // Every figure block parses as JSON, and the library stays one script.
        foreach (var block in document.QuerySelectorAll("script[type='application/json']"))
        {
            using var json = System.Text.Json.JsonDocument.Parse(block.TextContent);
            Assert.True(json.RootElement.GetProperty("data").GetArrayLength() >= 0);
        }

        Assert.Equal(2, document.QuerySelectorAll("script:not([type])").Length);
        Assert.Contains("<\\/script><script>alert(1)<\\/script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q3 review", "Q3-review-report.html")]
    [InlineData("../../etc/passwd", "etc-passwd-report.html")]
    [InlineData("<>", "segments-report.html")]
    public void FileName_Title_SafeName(string title, string expected) =>
        Assert.Equal(expected, HtmlReport.FileName(title));
}
