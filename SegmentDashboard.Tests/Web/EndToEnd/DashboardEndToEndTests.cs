using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.EndToEnd;

/// <summary>The real app in headless Chromium: what a marketer sees and clicks.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardEndToEndTests(DashboardFixture fixture)
{
    private static readonly Lazy<int> SampleColumns = new(() => new SegmentationService().Sample().Columns.Length);

    [SkippableFact]
    public async Task Open_Shell_RendersNavigationStatusAndServesPlotlyLocally()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;

        await page.TestId("status").WaitForAsync();

        foreach (var nav in new[] { "nav-data", "nav-explore", "nav-segments", "nav-profiles" })
        {
            Assert.True(await page.TestId(nav).IsVisibleAsync(), nav);
        }

        var plotly = await page.Page.APIRequest.GetAsync("lib/plotly/plotly-strict.min.js");
        Assert.Equal(200, plotly.Status);
        Assert.StartsWith("/**\n* plotly.js (strict - minified) v3.7.0", await plotly.TextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("0-shell");
    }

    [SkippableFact]
    public async Task Open_Sample_IsSegmentedAndReadyWithoutAClick()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;

        await page.WaitForReadyAsync();

        var summary = await page.TestId("dataset-summary").InnerTextAsync();
        Assert.Contains("2000 rows", summary, StringComparison.Ordinal);
        Assert.Contains($"{SampleColumns.Value.ToString(CultureInfo.InvariantCulture)} columns", summary, StringComparison.Ordinal);
        Assert.Equal(SampleColumns.Value, await page.TestId("column-table").Locator("tbody tr").CountAsync());
        Assert.Equal(0, await page.TestId("error-message").CountAsync());
        await page.ScreenshotAsync("1-data");
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Tabs_EachChart_IsARealPlotlyGraphAndTheCircuitIsKept()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.Page.EvaluateAsync("() => { window.__sameCircuit = 42; }");

        await page.NavigateAsync("nav-explore");
        Assert.True(await page.ChartTraceCountAsync("chart-histogram") > 0);
        Assert.True(await page.ChartTraceCountAsync("chart-correlation") == 1);
        Assert.True(await page.ChartTraceCountAsync("chart-explore-scatter") > 0);
        await page.WaitForNoWebGlMessageAsync();
        await page.ScreenshotAsync("2-explore");

        await page.NavigateAsync("nav-segments");
        var segments = int.Parse(await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(segments, await page.ChartTraceCountAsync("chart-scatter"));
        Assert.Equal(2000, await page.ChartPointCountAsync("chart-scatter"));
        Assert.Equal("scattergl", await ScatterTraceTypeAsync(page));
        Assert.True(await page.Page.Locator("[data-testid='chart-scatter'] canvas").CountAsync() > 0, "The segment scatter should be drawn with WebGL.");
        Assert.True(await page.ChartTraceCountAsync("chart-elbow") >= 1);
        Assert.Equal(segments, await page.ChartTraceCountAsync("chart-silhouette"));
        Assert.Equal(1, await page.ChartTraceCountAsync("chart-sizes"));
        Assert.Equal(segments, await page.ChartPointCountAsync("chart-sizes"));
        foreach (var metric in new[] { "metric-silhouette", "metric-inertia", "metric-calinski-harabasz", "metric-davies-bouldin" })
        {
            var text = await page.TestId(metric).Locator(".metric-value").InnerTextAsync();
            Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{metric} shows '{text}'");
        }

        await page.WaitForNoWebGlMessageAsync();
        await page.ScreenshotAsync("3-segments");

        await page.NavigateAsync("nav-profiles");
        Assert.Equal(segments, await page.TestId("segment-card").CountAsync());
        Assert.Equal(1, await page.ChartTraceCountAsync("chart-profile-heatmap"));
        await page.ScreenshotAsync("4-profiles");

        Assert.Equal(42, await page.Page.EvaluateAsync<int>("() => window.__sameCircuit"));
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Explore_SummaryGrid_SortingByMeanReordersTheRows()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-explore");
        const string ReadRows =
            "() => [...document.querySelectorAll(\"[data-testid='summary-table'] tbody tr.summary-row\")].map(r => [...r.querySelectorAll('td')].map(td => td.textContent.trim()))";
        var before = await page.Page.EvaluateAsync<string[][]>(ReadRows);
        Assert.Equal(SampleColumns.Value, before.Length);
        var means = before
            .Where(r => r[4].Length > 0)
            .ToDictionary(r => r[0], r => double.Parse(r[4], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var expected = means.OrderByDescending(m => m.Value).Select(m => m.Key).ToArray();
        Assert.NotEqual(expected, before.Select(r => r[0]).Where(means.ContainsKey).ToArray());

        // First click sorts ascending, the second descending.
        var mean = page.TestId("summary-table").Locator("thead th .sortable-column-header", new LocatorLocatorOptions { HasText = "Mean" });
        const string MeanOrder =
            "desc => { const v = [...document.querySelectorAll(\"[data-testid='summary-table'] tbody tr.summary-row\")].map(r => r.querySelectorAll('td')[4].textContent.trim()).filter(t => t.length > 0).map(Number);"
            + " return v.length > 1 && v.every((x, i) => i === 0 || (desc ? v[i - 1] >= x : v[i - 1] <= x)); }";
        await mean.ClickAsync();
        await page.Page.WaitForFunctionAsync(MeanOrder, false, new PageWaitForFunctionOptions { Timeout = DashboardPage.Timeout });
        await mean.ClickAsync();
        await page.Page.WaitForFunctionAsync(MeanOrder, true, new PageWaitForFunctionOptions { Timeout = DashboardPage.Timeout });
        var after = await page.Page.EvaluateAsync<string[][]>(ReadRows);

        Assert.Equal(expected, after.Select(r => r[0]).Where(means.ContainsKey).ToArray());
        Assert.Equal(expected[0], after[0][0]);
        Assert.Equal(before.Select(r => r[0]).Order(StringComparer.Ordinal), after.Select(r => r[0]).Order(StringComparer.Ordinal));
        await page.ChartTraceCountAsync("chart-explore-scatter");
        await page.ScreenshotAsync("2b-explore-sorted");
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Status_KChange_SaysReadyOnlyWhenEveryChartAlreadyShowsTheNewK()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-segments");
        await page.WaitForReadyAsync();

        // At the very mutation that makes the status say "ready", read what each chart shows.
        await page.Page.EvaluateAsync("""
            () => {
                window.__atReady = [];
                const status = document.querySelector("[data-testid='status']");
                new MutationObserver(() => {
                    if (!status.textContent.includes('ready')) return;
                    const graph = id => document.querySelector(`[data-testid='${id}'] .js-plotly-plot`);
                    window.__atReady.push({
                        run: Number(status.dataset.run),
                        sizes: graph('chart-sizes').data[0].x.length,
                        scatter: graph('chart-scatter').data.length,
                        silhouette: graph('chart-silhouette').data.length,
                    });
                }).observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
            }
            """);
        foreach (var k in new[] { 3, 6, 2, 5 })
        {
            var run = await page.RunVersionAsync();
            await page.TestId("k-input").Locator("input[type=number]").FillAsync(k.ToString(CultureInfo.InvariantCulture));
            await page.WaitForReadyAsync(run);

            var atReady = await page.Page.EvaluateAsync<int[][]>("after => window.__atReady.filter(s => s.run > after).map(s => [s.sizes, s.scatter, s.silhouette])", run);
            Assert.NotEmpty(atReady);
            Assert.All(atReady, shown => Assert.Equal(new[] { k, k, k }, shown));

            // Hover texts arrive once per dataset as a row table; every regrouped point still has its row's text.
            var hover = await page.Page.Locator("[data-testid='chart-scatter'] .js-plotly-plot").EvaluateAsync<string[]>(
                "el => el.data.flatMap(t => t.customdata.map((row, i) => t.text[i].startsWith(`<b>Row ${row + 1}</b><br>`) ? 'ok' : `row ${row}: ${t.text[i]}`))");
            Assert.Equal(2000, hover.Length);
            Assert.All(hover, text => Assert.Equal("ok", text));
        }

        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Settings_ChangingKAndAlgorithm_UpdatesChartsMetricsAndCards()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-segments");
        await page.ChartTraceCountAsync("chart-sizes");

        var run = await page.RunVersionAsync();
        await page.TestId("k-input").Locator("input[type=number]").FillAsync("3");
        await page.WaitForReadyAsync(run);

        Assert.Equal("3", await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync());
        await page.WaitForChartAsync("chart-sizes", "el => el.data[0].x.length === 3");
        await page.WaitForChartAsync("chart-scatter", "el => el.data.length === 3");

        run = await page.RunVersionAsync();
        await page.ChooseAsync("algorithm-select", "Hierarchical");
        await page.WaitForReadyAsync(run);

        var method = await page.TestId("metric-segments").InnerTextAsync();
        Assert.True(
            method.Contains("hierarchical", StringComparison.Ordinal),
            $"metric: {method}; select: {await page.TestId("algorithm-select").GetAttributeAsync("data-value")}; status: {await page.TestId("status").InnerTextAsync()} run {await page.RunVersionAsync()} (before {run})");
        Assert.Equal("3", await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync());
        Assert.True(await page.ChartTraceCountAsync("chart-dendrogram") >= 1);
        var cut = await page.Page.Locator("[data-testid='chart-dendrogram'] .js-plotly-plot").EvaluateAsync<double>("el => el.layout.shapes[0].y0");
        Assert.True(cut > 0);
        await page.ScreenshotAsync("5-segments-hierarchical");

        await page.NavigateAsync("nav-profiles");
        Assert.Equal(3, await page.TestId("segment-card").CountAsync());
        await page.AssertHealthyAsync();
    }

    [SkippableTheory]
    [InlineData("amazon_customer_behavior_survey.csv", 602, 23)]
    [InlineData("mall_customers.csv", 200, 5)]
    [InlineData("wholesale_customers.csv", 440, 8)]
    [InlineData("amazon_cluster_model.csv", 202, 5)] // SOURCES.md: 202 data rows, header Cus_ID,Sex,Age,Income,Rating.
    public async Task Upload_RealDataset_ShowsRowAndColumnCounts(string file, int rows, int columns)
    {
        fixture.RequireBrowser();
        var path = Path.Combine(TestPaths.RequireFolder(TestPaths.Datasets), file);
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        var run = await page.RunVersionAsync();
        await page.UploadAsync(path);
        await page.WaitForReadyAsync(run);

        var summary = await page.TestId("dataset-summary").InnerTextAsync();
        Assert.Contains($"{rows.ToString(CultureInfo.InvariantCulture)} rows", summary, StringComparison.Ordinal);
        Assert.Contains($"{columns.ToString(CultureInfo.InvariantCulture)} columns", summary, StringComparison.Ordinal);
        Assert.Equal(0, await page.TestId("error-message").CountAsync());
        if (file.StartsWith("amazon_customer", StringComparison.Ordinal))
        {
            await page.ScreenshotAsync("6-data-uploaded");
        }

        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Upload_BadFile_ShowsErrorAndKeepsThePreviousDataset()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        await page.UploadAsync(new FilePayload
        {
            Name = "broken.csv",
            MimeType = "text/csv",
            Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF, 0x00, 0x00],
        });

        var error = page.TestId("error-message");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = DashboardPage.Timeout });
        Assert.True(await error.IsVisibleAsync());
        Assert.Contains("2000 rows", await page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("7-data-error");

        // The previous dataset is still usable.
        await page.NavigateAsync("nav-segments");
        Assert.True(await page.ChartTraceCountAsync("chart-scatter") > 0);
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Upload_FileOverTheConfiguredLimit_IsRefusedBeforeReading()
    {
        fixture.RequireBrowser();
        await using var app = await AppServerFixture.StartAsync(new Dictionary<string, string> { ["Upload__MaxBytes"] = "1000" });
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        await using var session = new Session(context, new DashboardPage(await context.NewPageAsync()));
        var page = session.Dashboard;
        await page.Page.GotoAsync("/");
        await page.WaitForReadyAsync();

        await page.UploadAsync(new FilePayload
        {
            Name = "big.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 600))),
        });

        var error = page.TestId("error-message");
        await error.WaitForAsync();
        Assert.Contains("largest file this dashboard accepts is 1000 B", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2000 rows", await page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Export_LabeledCsv_DownloadsEveryRowWithItsEditedSegmentName()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-profiles");
        var firstCard = page.TestId("segment-card").First;
        await firstCard.Locator("[data-testid='segment-rename']").ClickAsync();
        await firstCard.Locator("[data-testid='segment-name-input']").FillAsync("VIP =SUM(A1)");
        await firstCard.Locator("[data-testid='segment-name-input']").PressAsync("Enter");
        await page.Page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='segment-name']\")?.textContent === 'VIP =SUM(A1)'");

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.TestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).ToArray();

        Assert.EndsWith("-segments.csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(2001, lines.Length);
        Assert.EndsWith("Segment,Segment name", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), line => line.EndsWith(",0,VIP =SUM(A1)", StringComparison.Ordinal) || line.EndsWith(",0,'VIP =SUM(A1)", StringComparison.Ordinal));
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Keyboard_Tab_ReachesNavigationUploadAndSegmentControls()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        var onData = await TabThroughAsync(page, 12);
        Assert.Contains("nav-segments", onData);
        Assert.Contains("upload", onData);
        Assert.Contains("load-sample", onData);

        await page.TestId("nav-segments").PressAsync("Enter");
        await page.Page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='nav-segments']\").classList.contains('active')");
        var onSegments = await TabThroughAsync(page, 30);
        Assert.Contains("feature-select", onSegments);
        Assert.Contains("algorithm-select", onSegments);
        Assert.Contains("k-input", onSegments);
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Phone_SegmentsPage_FitsANarrowScreen()
    {
        await using var session = await OpenAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-segments");
        await page.ChartTraceCountAsync("chart-scatter");

        var overflow = await PageOverflowAsync(page);
        Assert.True(overflow <= 1, $"The page is {overflow}px wider than the phone screen.");
        await page.ScreenshotAsync("8-phone-segments");
    }

    [SkippableFact]
    public async Task Projector_Segments_MetricCardsAndScatterInViewBesideTheSettings()
    {
        // Arrange: a 1024x768 projector, the Segments tab as a presenter opens it.
        await using var session = await OpenOnTabAsync("nav-segments", Projector);
        var page = session.Dashboard;

        // Act
        var k = await page.TestId("k-input").BoundingBoxAsync();
        var cards = await page.TestId("metric-segments").BoundingBoxAsync();
        var plot = await page.Page.Locator("[data-testid='chart-scatter'] .main-svg").First.BoundingBoxAsync();

        // Assert: without scrolling, the k field, the cards and at least 200 px of the scatter's plot,
        // the plot to the right of the settings.
        Assert.NotNull(k);
        Assert.NotNull(cards);
        Assert.NotNull(plot);
        Assert.True(k.Y + k.Height <= 768, $"The k field ends at {k.Y + k.Height:F0} px, below the 768 px screen.");
        Assert.True(cards.Y + cards.Height <= 768, $"The metric cards end at {cards.Y + cards.Height:F0} px.");
        Assert.True(plot.Y <= 768 - 200, $"The scatter starts at {plot.Y:F0} px: less than 200 px of it shows on a 768 px screen.");
        Assert.True(plot.X >= k.X + k.Width, $"The scatter (x {plot.X:F0}) is not beside the settings (which end at {k.X + k.Width:F0}).");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "9b-projector-segments.png") });
    }

    [SkippableFact]
    public async Task Projector_ProfilesComparisonTable_FitsWithoutScrollingSideways()
    {
        await using var session = await OpenOnTabAsync("nav-profiles", Projector);
        var page = session.Dashboard;

        var table = page.TestId("comparison-table");
        Assert.Equal(5, await table.Locator("thead th").CountAsync() - 1); // the sample's four segments and the overall column
        var overflow = await table.EvaluateAsync<int>("t => t.parentElement.scrollWidth - t.parentElement.clientWidth");
        Assert.True(overflow <= 1, $"The comparison table is {overflow}px wider than its card at 1024 px.");
        var pageOverflow = await PageOverflowAsync(page);
        Assert.True(pageOverflow <= 1, $"The Profiles page is {pageOverflow}px wider than a 1024 px screen.");
        await table.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "9-projector-profiles-comparison.png") });
    }

    [SkippableFact]
    public async Task Projector_DataColumnGrid_FitsWithoutScrollingSideways()
    {
        await using var session = await OpenAsync(Projector);
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        var grid = page.TestId("column-table");
        await grid.Locator("tbody tr").First.WaitForAsync();
        var overflow = await grid.EvaluateAsync<int>("g => { const c = g.querySelector('.mud-table-container'); return c.scrollWidth - c.clientWidth; }");
        var summary = await grid.Locator("thead th").Last.BoundingBoxAsync();

        Assert.True(overflow <= 1, $"The column grid is {overflow}px wider than its card at 1024 px.");
        Assert.Equal("Summary", (await grid.Locator("thead th").Last.InnerTextAsync()).Trim());
        Assert.NotNull(summary);
        Assert.True(summary.X + summary.Width <= 1024, $"The Summary column ends at {summary.X + summary.Width:F0} px, past the 1024 px screen.");
        var pageOverflow = await PageOverflowAsync(page);
        Assert.True(pageOverflow <= 1, $"The Data page is {pageOverflow}px wider than a 1024 px screen.");
        await grid.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "9c-projector-data-columns.png") });
    }

    [SkippableFact]
    public async Task Compare_AnotherK_DrawsTheCrossTableAsTallAsItsFigureAndTheFlowInSegmentColours()
    {
        await using var session = await OpenOnTabAsync("nav-compare");
        var page = session.Dashboard;
        await page.Page.Locator("input[data-testid=compare-k], [data-testid=compare-k] input").First.FillAsync("5");

        await page.TestId("compare-run").ClickAsync();
        await page.WaitForChartAsync("chart-sankey", "el => el.data.length > 0 && el.data[0].type === 'sankey'");
        await page.WaitForChartAsync("chart-contingency", "el => el.data.length > 0 && el.data[0].type === 'heatmap'");

        Assert.Contains("K-means with k = 5", await page.TestId("compare-ari").InnerTextAsync(), StringComparison.Ordinal);
        // No empty band: the chart is as tall as the figure Plotly drew (Plotly.Blazor's inline minimum is 350 px).
        var heights = await page.Page.Locator("[data-testid='chart-contingency'] .chart-graph").EvaluateAsync<double[]>(
            "g => [g.getBoundingClientRect().height, g.querySelector('.main-svg').getBoundingClientRect().height]");
        Assert.True(heights[1] < 350, $"The sample's four-row cross-table figure is {heights[1]:F0} px tall.");
        Assert.InRange(heights[0] - heights[1], 0, 2);
        // The sample's four segments keep their colour on B's side (each is a best match); links take their source's.
        var colours = await page.Page.Locator("[data-testid='chart-sankey'] .js-plotly-plot").EvaluateAsync<string[]>("el => el.data[0].node.color");
        var labels = await page.Page.Locator("[data-testid='chart-sankey'] .js-plotly-plot").EvaluateAsync<string[]>("el => el.data[0].node.label");
        foreach (var (label, index) in labels.Select((label, index) => (label, index)).Where(node => node.label.StartsWith("A: ", StringComparison.Ordinal)))
        {
            var same = Array.IndexOf(labels, "B: " + label[3..]);
            Assert.True(same >= 0, $"B has no segment named like {label}.");
            Assert.Equal(colours[index], colours[same]);
        }
    }

    [SkippableFact]
    public async Task DarkTheme_SettingsDrawer_DrawsItsTextInThePagesTextColour()
    {
        // MudBlazor's dark drawer text is half-transparent white: labels and values then read as disabled.
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.TestId("theme-toggle").ClickAsync();
        await page.Page.Locator(".app-shell.theme-dark").WaitForAsync();
        await page.NavigateAsync("nav-segments");
        await page.WaitForReadyAsync();

        var colours = await page.Page.EvaluateAsync<string[]>("""
            () => [
                document.querySelector('h1'),
                document.querySelector('#segment-settings .card-title'),
                document.querySelector('[data-testid=feature-select] .feature-option span'),
                document.querySelector('[data-testid=k-input] input'),
            ].map(e => getComputedStyle(e).color)
            """);

        Assert.Equal("rgb(229, 231, 235)", colours[0]); // the dark palette's primary text
        Assert.All(colours[1..], colour => Assert.Equal(colours[0], colour));
    }

    [SkippableFact]
    public async Task Segments_BrowserWithoutWebGl_ScatterIsDrawnAsSvgWithEveryPoint()
    {
        // A browser whose canvases refuse WebGL contexts (a VM or remote desktop without GPU support).
        await using var session = await OpenAsync(initScript: """
            const getContext = HTMLCanvasElement.prototype.getContext;
            HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
                return /webgl/i.test(kind) ? null : getContext.call(this, kind, ...rest);
            };
            """);
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-segments");

        var segments = int.Parse(await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(segments, await page.ChartTraceCountAsync("chart-scatter"));
        Assert.Equal("scatter", await ScatterTraceTypeAsync(page));
        Assert.Equal(2000, await page.Page.Locator("[data-testid='chart-scatter'] .scatterlayer path.point").CountAsync());
        Assert.Equal(0, await page.Page.Locator(".no-webgl").CountAsync());
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Segments_ScatterCameraButton_DownloadsAPngOfTheWebGlPlot()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-segments");
        await page.WaitForReadyAsync();
        Assert.Equal("scattergl", await ScatterTraceTypeAsync(page));

        var scatter = page.Page.Locator("[data-testid='chart-scatter'] .js-plotly-plot");
        var bytes = await DownloadPngAsync(page, scatter);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        // Width and height from the IHDR chunk: the chart at Plotly's export scale of 2.
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.True(width > 800 && height == 880, $"PNG is {width} x {height}");

        // The WebGL points are in the image: the same export with every trace hidden is much smaller.
        await scatter.EvaluateAsync("el => Plotly.restyle(el, { visible: 'legendonly' })");
        var withoutPoints = await DownloadPngAsync(page, scatter);
        Assert.True(bytes.Length > 2 * withoutPoints.Length, $"PNG with points {bytes.Length} bytes, without {withoutPoints.Length}");
        await page.AssertHealthyAsync();
    }

    private static async Task<byte[]> DownloadPngAsync(DashboardPage page, ILocator graph)
    {
        await graph.HoverAsync();
        var download = await page.Page.RunAndWaitForDownloadAsync(
            () => graph.Locator(".modebar-btn[data-title='Download plot as a PNG']").ClickAsync());
        Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    /// <summary>The trace type Plotly actually drew for the segment scatter's first trace.</summary>
    private static Task<string> ScatterTraceTypeAsync(DashboardPage page) =>
        page.Page.Locator("[data-testid='chart-scatter'] .js-plotly-plot").EvaluateAsync<string>("el => el._fullData[0].type");

    /// <summary>Presses Tab from the top of the page and returns the test ids of what got focus (or its nearest wrapper).</summary>
    private static async Task<HashSet<string>> TabThroughAsync(DashboardPage page, int presses)
    {
        // Clicking the (non-focusable) brand moves the sequential focus starting point to the top.
        await page.Page.Locator(".brand").ClickAsync();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < presses; i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
            var id = await page.Page.EvaluateAsync<string?>("() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null");
            if (id is not null)
            {
                reached.Add(id);
            }
        }

        return reached;
    }

    /// <summary>A 1024 x 768 projector.</summary>
    private static ViewportSize Projector => new() { Width = 1024, Height = 768 };

    /// <summary>Opens the dashboard, then <paramref name="navTestId"/>'s tab, each once "ready".</summary>
    private async Task<Session> OpenOnTabAsync(string navTestId, ViewportSize? viewport = null)
    {
        var session = await OpenAsync(viewport);
        await session.Dashboard.WaitForReadyAsync();
        await session.Dashboard.NavigateAsync(navTestId);
        await session.Dashboard.WaitForReadyAsync();
        return session;
    }

    /// <summary>How many px the page is wider than the window (0 when nothing scrolls sideways).</summary>
    private static Task<int> PageOverflowAsync(DashboardPage page) =>
        page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    private async Task<Session> OpenAsync(ViewportSize? viewport = null, string? initScript = null)
    {
        fixture.RequireBrowser();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(DashboardPage.Timeout);
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }

        await page.GotoAsync("/");
        return new Session(context, new DashboardPage(page));
    }

    private sealed record Session(IBrowserContext Context, DashboardPage Dashboard) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
