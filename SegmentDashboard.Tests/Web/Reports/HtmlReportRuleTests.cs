using System.Globalization;
using AngleSharp.Html.Parser;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Explain;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;

namespace SegmentDashboard.Tests.Web.Reports;

/// <summary>Issue 11: the HTML report shows each segment's rule with precision and coverage, and the tree's fidelity.</summary>
public sealed class HtmlReportRuleTests
{
    [Fact]
    public async Task Build_ResultWithExplanation_EachCardHasItsRuleFiguresAndFidelityLine()
    {
        var service = new SegmentationService();
        var result = await service.SegmentAsync(service.Sample(), new SegmentationRequest { ClusterCount = 3, Seed = 1, IncludeStability = false, IncludeSweep = false });
        var explanation = Assert.IsType<SegmentExplanation>(result.Explanation);

        var html = HtmlReport.Build("Rules", result, "/* plotly */", DateTimeOffset.UnixEpoch);

        var document = new HtmlParser().ParseDocument(html);
        var cards = document.QuerySelectorAll("[data-testid=segment-card]");
        Assert.Equal(result.Profiles.Length, cards.Length);
        foreach (var (card, profile) in cards.Zip(result.Profiles.OrderBy(p => p.SegmentId)))
        {
            var rule = explanation.RuleOf(profile.SegmentId)!;
            var box = card.QuerySelector("[data-testid=segment-rule]")!;
            Assert.Contains(rule.Text, box.TextContent, StringComparison.Ordinal);
            Assert.Equal(rule.Precision, double.Parse(box.GetAttribute("data-precision")!, CultureInfo.InvariantCulture));
            Assert.Equal(rule.Coverage, double.Parse(box.GetAttribute("data-coverage")!, CultureInfo.InvariantCulture));
            Assert.Contains($"({rule.MatchedInSegment} of {rule.SegmentSize})", box.TextContent, StringComparison.Ordinal);
        }

        var fidelity = document.QuerySelector("[data-testid=rule-fidelity]")!;
        Assert.Equal(explanation.Fidelity, double.Parse(fidelity.GetAttribute("data-fidelity")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Build_RuleOnHostileLevel_IsHtmlEncoded()
    {
        const string Hostile = "<img src=x onerror=alert(1)>";
        var csv = "Age,Kind\n" + string.Join('\n', Enumerable.Range(0, 40).Select(i => $"{(i % 2 == 0 ? 20 + (i % 5) : 60 + (i % 5))},{(i % 2 == 0 ? Hostile : "plain")}")) + "\n";
        var dataset = CsvLoader.LoadText(csv, "x.csv");
        var result = await new SegmentationService().SegmentAsync(dataset, new SegmentationRequest { ClusterCount = 2, IncludeStability = false, IncludeSweep = false });

        var html = HtmlReport.Build("t", result, "/* plotly */", DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.Empty(new HtmlParser().ParseDocument(html).QuerySelectorAll("img"));
    }
}
