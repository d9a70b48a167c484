using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using SegmentDashboard.Components.Charts;
using SegmentDashboard.Components.Layout;
using SegmentDashboard.Components.Pages;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;
using SegmentDashboard.State;
using Microsoft.AspNetCore.Components;

namespace SegmentDashboard.Tests.Web.Components;

public sealed class PageRenderingTests
{
    public PageRenderingTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    [Fact]
    public void ColumnsText_DerivedDateColumns_CountedApartFromTheFilesColumns()
    {
        var file = SegmentDashboard.Core.Data.CsvLoader.LoadText("Customer_ID,Signup_Date,Last_Order_Date,Year_Birth,Income\n1,2020-01-15,2024-02-28,1980,50000\n2,2023-12-31,2024-03-01,1999,40000\n", "customers.csv");

        var dataset = SegmentDashboard.Core.Data.DerivedFeatures.Derive(file).Dataset;

        Assert.Equal("5 columns", DataPage.ColumnsText(file));
        Assert.Equal("5 columns + 3 derived from dates", DataPage.ColumnsText(dataset));
    }

    [Fact]
    public async Task DataPage_ReadyState_ShowsSummaryColumnsUploadAndNoError()
    {
        var document = await ComponentRenderer.RenderAsync<DataPage>(ComponentRenderer.ReadyState());

        Assert.Equal("12 rows · 5 columns", document.ByTestId("dataset-summary")!.TextContent.Trim());
        Assert.Equal(5, document.ByTestId("column-table")!.QuerySelectorAll("tbody tr").Length);
        var upload = document.ByTestId("upload")!;
        Assert.Equal("input", upload.LocalName);
        Assert.Equal("file", upload.GetAttribute("type"));
        Assert.NotNull(document.ByTestId("load-sample"));
        Assert.Contains("comma-separated", document.ByTestId("dialect")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.ByTestId("error-message"));
        var featureBoxes = document.ByTestId("column-table")!.QuerySelectorAll("input[type=checkbox]");
        Assert.Equal(3, featureBoxes.Count(box => box.HasAttribute("checked")));
    }

    [Fact]
    public async Task SegmentsPage_ReadyState_MetricsInInvariantCultureAndEveryChart()
    {
        var document = await ComponentRenderer.RenderAsync<SegmentsPage>(ComponentRenderer.ReadyState());

        Assert.Equal("0.500", Value(document, "metric-silhouette"));
        Assert.Equal("123.5", Value(document, "metric-inertia"));
        Assert.Equal("87.7", Value(document, "metric-calinski-harabasz"));
        Assert.Equal("0.432", Value(document, "metric-davies-bouldin"));
        Assert.Equal("3", Value(document, "metric-segments"));
        foreach (var chart in new[] { "chart-scatter", "chart-sizes", "chart-silhouette", "chart-elbow" })
        {
            Assert.NotNull(document.ByTestId(chart)?.QuerySelector(".chart-graph"));
        }

        Assert.Null(document.ByTestId("chart-dendrogram"));
        Assert.Equal("3", document.ByTestId("k-input")!.QuerySelector("input[type=number]")!.GetAttribute("value"));
        Assert.Equal("KMeans", document.ByTestId("algorithm-select")!.GetAttribute("data-value"));
        Assert.Equal("K-means", document.ByTestId("algorithm-select")!.QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal(3, document.ByTestId("feature-select")!.QuerySelectorAll("input[type=checkbox][checked]").Length);
    }

    [Fact]
    public async Task SegmentsPage_Hierarchical_ShowsTheDendrogramAndLinkage()
    {
        var result = FakeSegmentation.Result(algorithm: ClusteringAlgorithm.Hierarchical);

        var document = await ComponentRenderer.RenderAsync<SegmentsPage>(ComponentRenderer.ReadyState(result));

        Assert.NotNull(document.ByTestId("chart-dendrogram")?.QuerySelector(".chart-graph"));
        Assert.NotNull(document.ByTestId("linkage-select"));
    }

    [Fact]
    public async Task SegmentsPage_Dbscan_ShowsEpsAndMinSamplesInsteadOfK()
    {
        var result = FakeSegmentation.Result();
        var state = ComponentRenderer.ReadyState(result);
        state.SetSnapshot(result.Dataset, state.Settings with { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 0.75, MinSamples = 7 }, result);

        var document = await ComponentRenderer.RenderAsync<SegmentsPage>(state);

        Assert.Null(document.ByTestId("k-input"));
        Assert.Equal("0.75", document.ByTestId("eps-input")!.QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("7", document.ByTestId("min-samples-input")!.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ProfilesPage_ReadyState_OneCardPerSegmentWithEncodedNames()
    {
        var document = await ComponentRenderer.RenderAsync<ProfilesPage>(ComponentRenderer.ReadyState());

        var cards = document.AllByTestId("segment-card");
        Assert.Equal(3, cards.Length);
        Assert.Equal("Group 1", cards[0].ByTestId("segment-name")!.TextContent);
        Assert.Equal("4 customers · 33.3%", cards[0].ByTestId("segment-size")!.TextContent);
        Assert.Equal(FakeSegmentation.ScriptLevel, cards[2].ByTestId("segment-name")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.NotNull(document.ByTestId("chart-profile-heatmap")?.QuerySelector(".chart-graph"));
        Assert.NotNull(document.ByTestId("export-csv"));
        Assert.Contains("Send a welcome series.", cards[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplorePage_ReadyState_SummaryGridAndCharts()
    {
        // The figures are built off the render thread: the charts appear once they are (placeholders before).
        IDocument document;
        await using (var context = ComponentRenderer.CreateContext(ComponentRenderer.ReadyState()))
        {
            var page = context.Render<ExplorePage>();
            page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-pending-chart]")), TimeSpan.FromSeconds(30));
            document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page.Markup);
        }

        var grid = document.ByTestId("summary-table")!.QuerySelector(".mud-data-grid")!;
        Assert.Equal(
            ["Column", "Type", "Values", "Missing", "Mean", "Std dev", "Min", "Q1", "Median", "Q3", "Max", "Top values"],
            grid.QuerySelectorAll("thead th .sortable-column-header").Select(th => th.TextContent).ToArray());
        Assert.Equal(12, grid.QuerySelectorAll("thead th .sort-direction-icon").Length);
        var rows = grid.QuerySelectorAll("tbody tr.summary-row").Select(Cells).ToArray();
        Assert.Equal(["Customer", "Age", "Income", "Spend", "Channel"], rows.Select(r => r[0]).ToArray());

        // Age: 11 values (one NaN), mean 376 / 11 = 34.18, min 21, max 50, invariant culture.
        Assert.Equal(["Age", "Number", "11", "1", "34.2"], rows[1][..5]);
        Assert.Equal(["21", "50"], new[] { rows[1][6], rows[1][10] });
        Assert.Equal(string.Empty, rows[1][11]);

        // Income: mean 626 / 12 = 52.17.
        Assert.Equal(["12", "0", "52.2", "20"], new[] { rows[2][2], rows[2][3], rows[2][4], rows[2][6] });

        // A category: no statistics, its top levels (encoded, never markup).
        Assert.All(rows[4][4..11], cell => Assert.Equal(string.Empty, cell));
        Assert.Equal(FakeSegmentation.ScriptLevel + " 33.3%, Store 33.3%, Web 33.3%", rows[4][11]);
        Assert.Empty(document.QuerySelectorAll("script"));

        foreach (var chart in new[] { "chart-histogram", "chart-categories", "chart-correlation", "chart-box", "chart-explore-scatter" })
        {
            Assert.NotNull(document.ByTestId(chart)?.QuerySelector(".chart-graph"));
        }

        static string[] Cells(IElement row) => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
    }

    [Fact]
    public async Task MainLayout_Ready_StatusReadyNavAndNoErrorPanel()
    {
        var state = ComponentRenderer.ReadyState();

        var document = await ComponentRenderer.RenderAsync<MainLayout>(state, new Dictionary<string, object?> { ["Body"] = (RenderFragment)(_ => { }) });

        Assert.Contains("ready", document.ByTestId("status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.ByTestId("error-message"));
        foreach (var nav in new[] { "nav-data", "nav-explore", "nav-segments", "nav-profiles" })
        {
            Assert.NotNull(document.ByTestId(nav));
        }
    }

    [Fact]
    public async Task MainLayout_ResultInButAChartStillDrawing_StatusIsNotReady()
    {
        var state = ComponentRenderer.ReadyState();
        var charts = new ChartDrawTracker();
        var chart = new object();
        charts.Begin(chart);

        var drawing = await ComponentRenderer.RenderAsync<MainLayout>(state, new Dictionary<string, object?> { ["Body"] = (RenderFragment)(_ => { }) }, charts);
        charts.End(chart);
        var drawn = await ComponentRenderer.RenderAsync<MainLayout>(state, new Dictionary<string, object?> { ["Body"] = (RenderFragment)(_ => { }) }, charts);

        var status = drawing.ByTestId("status")!;
        Assert.Equal("drawing charts…", status.TextContent.Trim());
        Assert.DoesNotContain("ready", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("status-computing", status.ClassName, StringComparison.Ordinal);
        Assert.Equal("ready", drawn.ByTestId("status")!.TextContent.Trim());
        Assert.Contains("status-ready", drawn.ByTestId("status")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentsPage_NewResult_ChartsAreDrawingUntilDrawnOrDisposed()
    {
        var state = ComponentRenderer.ReadyState();
        var charts = new ChartDrawTracker();
        var changes = new List<bool>();
        charts.Changed += () => changes.Add(charts.IsDrawing);

        var document = await ComponentRenderer.RenderAsync<SegmentsPage>(state, charts: charts);

        // The HTML renderer never runs the browser half: each chart starts drawing when it gets its
        // figure and stops only when the renderer disposes it, leaving nothing drawing.
        Assert.True(document.QuerySelectorAll(".chart-graph").Length >= 4);
        Assert.True(changes.First());
        Assert.False(changes.Last());
        Assert.False(charts.IsDrawing);
    }

    [Fact]
    public async Task MainLayout_LoadFailed_ShowsTheErrorAndKeepsTheDataset()
    {
        var state = ComponentRenderer.ReadyState();
        state.FailLoading("Line 14 has 6 fields but the header has 5.");

        var document = await ComponentRenderer.RenderAsync<MainLayout>(state, new Dictionary<string, object?> { ["Body"] = (RenderFragment)(_ => { }) });

        var error = document.ByTestId("error-message")!.TextContent;
        Assert.Contains("Line 14 has 6 fields but the header has 5.", error, StringComparison.Ordinal);
        Assert.Contains("customers.csv", error, StringComparison.Ordinal);
        Assert.Contains("ready", document.ByTestId("status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlotlyChart_Figure_RendersTheWrapperAndGraphDivWithoutCallingJs()
    {
        var parameters = new Dictionary<string, object?>
        {
            ["Figure"] = PlotlyFigure.Message("nothing"),
            ["TestId"] = "chart-test",
            ["Title"] = "Sizes <b>",
        };

        var document = await ComponentRenderer.RenderAsync<PlotlyChart>(ComponentRenderer.ReadyState(), parameters);

        var wrapper = document.ByTestId("chart-test")!;
        Assert.NotNull(wrapper.QuerySelector("div.chart-graph"));
        Assert.Equal("Sizes <b>", wrapper.QuerySelector(".chart-title")!.TextContent);
    }

    private static string Value(AngleSharp.Dom.IDocument document, string testId) =>
        document.ByTestId(testId)!.QuerySelector(".metric-value")!.TextContent.Trim();
}
