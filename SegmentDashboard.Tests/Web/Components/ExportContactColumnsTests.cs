using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>Issue 10: the export buttons leave contact columns out unless "Include contact columns" is ticked.</summary>
public sealed class ExportContactColumnsTests
{
    private const string Crm =
        "CustomerID,Full_Name,Email,Phone,Income,Visits\n" +
        "C1,Ana Lind,ana@example.com,+46 8 123 456,50000,3\n" +
        "C2,Björn Berg,bjorn@example.com,+46 8 654 321,42000,9\n" +
        "C3,Chloé Roux,chloe@example.com,+33 1 23 45 67,61000,1\n" +
        "C4,Dan Holm,dan@example.com,+46 8 111 222,39000,7\n";

    private static async Task<SegmentationResult> SegmentAsync() =>
        await new SegmentationService().SegmentAsync(CsvLoader.LoadText(Crm, "crm.csv"), new SegmentationRequest
        {
            ClusterCount = 2,
            Seed = 1,
            IncludeSweep = false,
            IncludeStability = false,
        });

    /// <summary>Clicks the labeled CSV button and returns the header line of the file handed to the browser.</summary>
    private static async Task<string> DownloadedHeaderAsync(bool tick)
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddSingleton(new PlotlyScript(() => string.Empty));
        var download = context.JSInterop.SetupModule("./js/download.js");
        var result = await SegmentAsync();
        var cut = context.Render<ExportActions>(parameters => parameters
            .Add(p => p.Result, result)
            .Add(p => p.Names, ["A", "B"])
            .Add(p => p.IncludeLabeledCsv, true));

        var box = cut.Find("[data-testid=include-contact]");
        Assert.False(box.HasAttribute("checked"));
        if (tick)
        {
            box.Change(true);
        }

        await cut.Find("[data-testid=export-csv]").ClickAsync(new());
        var call = Assert.Single(download.Invocations["downloadFromStream"]);
        var reference = Assert.IsType<DotNetStreamReference>(call.Arguments[2]);
        // The component disposes the stream once handed over; a MemoryStream still gives its bytes.
        var text = Encoding.UTF8.GetString(Assert.IsType<MemoryStream>(reference.Stream).ToArray()).TrimStart('\uFEFF');
        return text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task HtmlReport_CrmResult_HoverTextWithoutContactDetails()
    {
        var result = await SegmentAsync();

        var html = HtmlReport.Build("CRM", result, string.Empty, new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

        Assert.Contains("CustomerID: C1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Lind", html, StringComparison.Ordinal);
        Assert.DoesNotContain("123 456", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabeledCsv_Unticked_ContactColumnsLeftOutCustomerIdKept()
    {
        var header = await DownloadedHeaderAsync(tick: false);

        Assert.Equal("CustomerID,Income,Visits,Segment,Segment name", header);
    }

    [Fact]
    public async Task LabeledCsv_IncludeContactTicked_EveryColumn()
    {
        var header = await DownloadedHeaderAsync(tick: true);

        Assert.Equal("CustomerID,Full_Name,Email,Phone,Income,Visits,Segment,Segment name", header);
    }
}
