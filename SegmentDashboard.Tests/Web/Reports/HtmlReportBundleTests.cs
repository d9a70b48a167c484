using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Reports;

/// <summary>The HTML report inlines the strict plotly.js 3.7.0 bundle the app serves, and nothing loads from elsewhere.</summary>
[Collection(ApiCollection.Name)]
public sealed class HtmlReportBundleTests(ApiFixture fixture)
{
    [Fact]
    public async Task Build_WithTheAppsPlotlyScript_InlinesTheStrictBundleAndLoadsNothingFromOutside()
    {
        var script = fixture.Factory.Services.GetRequiredService<PlotlyScript>();
        var result = await new SegmentationService().SegmentAsync(
            SampleCustomers.Generate(300),
            new SegmentationRequest { ClusterCount = 3, IncludeStability = false, IncludeSweep = true });

        var html = HtmlReport.Build("Report", result, script.Text, DateTimeOffset.UnixEpoch);
        var document = new HtmlParser().ParseDocument(html);

        Assert.StartsWith("/**\n* plotly.js (strict - minified) v3.7.0", script.Text, StringComparison.Ordinal);
        var inline = document.QuerySelectorAll("script:not([type])").Select(s => s.TextContent).ToArray();
        Assert.Contains(inline, text => text.Contains("plotly.js (strict - minified) v3.7.0", StringComparison.Ordinal));
        Assert.Empty(document.QuerySelectorAll("script[src], link[href], img[src], iframe"));

        // Every chart has its figure: Plotly JSON with typed traces serialised (type names included).
        var figures = document.QuerySelectorAll("script[type='application/json']").ToArray();
        Assert.Equal(document.QuerySelectorAll("[data-figure]").Length, figures.Length);
        using var scatter = System.Text.Json.JsonDocument.Parse(figures[0].TextContent);
        var trace = scatter.RootElement.GetProperty("data")[0];
        Assert.Equal("scattergl", trace.GetProperty("type").GetString());
        Assert.Equal(trace.GetProperty("customdata").GetArrayLength(), trace.GetProperty("text").GetArrayLength());
    }
}
