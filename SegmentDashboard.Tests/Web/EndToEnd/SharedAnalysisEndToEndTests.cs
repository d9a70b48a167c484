using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.EndToEnd;

/// <summary>Saved analyses in a real browser: the read-only link, the list page, exports and applying to new data.</summary>
public sealed class SharedAnalysisEndToEndTests(SharedAnalysisFixture fixture) : IClassFixture<SharedAnalysisFixture>
{
    private const string Query = "features=Age,Income,Score&k=3&seed=2";

    /// <summary>Saves through the API and returns the id and the GET /api/analyses/{id} JSON.</summary>
    private async Task<(string Id, JsonElement Saved)> SaveViaApiAsync(string name)
    {
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var response = await client.PostAsync($"/api/analyses?name={Uri.EscapeDataString(name)}&{Query}", ApiTestData.Csv(ApiTestData.Customers()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await ApiTestData.ReadJsonAsync(response)).GetProperty("id").GetString()!;
        var saved = await ApiTestData.ReadJsonAsync(await client.GetAsync($"/api/analyses/{id}"));
        return (id, saved);
    }

    [SkippableFact]
    public async Task SharedLink_SavedViaApi_SameCardsNamesSizesChartsAndNoEditingControls()
    {
        // Arrange
        fixture.RequireBrowser();
        var (id, saved) = await SaveViaApiAsync("Reviewer link <b>test</b>");
        await using var session = await OpenAsync($"/a/{id}");
        var page = session.Dashboard;

        // Act
        await page.TestId("segment-card").First.WaitForAsync();

        // Assert: the cards are the saved segments, in id order, with the saved names and sizes.
        var segments = saved.GetProperty("segments").EnumerateArray().OrderBy(s => s.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(3, segments.Count);
        Assert.Equal(segments.Select(s => s.GetProperty("name").GetString()), await page.TestId("segment-name").AllInnerTextsAsync());
        var sizes = await page.TestId("segment-size").AllInnerTextsAsync();
        Assert.Equal(
            segments.Select(s => s.GetProperty("size").GetInt32().ToString(CultureInfo.InvariantCulture) + " customers"),
            sizes.Select(text => text.Split(" · ")[0]));
        Assert.Equal(60, segments.Sum(s => s.GetProperty("size").GetInt32()));
        Assert.Equal("Reviewer link <b>test</b>", await page.TestId("analysis-title").InnerTextAsync());
        Assert.Equal(0, await page.TestId("labels-mismatch").CountAsync());

        // No editing: no rename control, no settings inputs, no save form.
        foreach (var editing in new[] { "segment-rename", "segment-name-input", "save-analysis", "analysis-name", "k-input", "algorithm" })
        {
            Assert.Equal(0, await page.TestId(editing).CountAsync());
        }

        foreach (var chart in new[] { "chart-scatter", "chart-sizes", "chart-profile-heatmap", "chart-silhouette" })
        {
            Assert.True(await page.ChartTraceCountAsync(chart) > 0, chart);
        }

        // Charts keep the modebar's camera button ("Download plot as a PNG").
        await page.Page.Locator("[data-testid='chart-sizes'] .js-plotly-plot").HoverAsync();
        Assert.True(await page.Page.Locator("[data-testid='chart-sizes'] .modebar-btn[data-title='Download plot as a PNG']").CountAsync() == 1);

        await page.ScreenshotAsync("share-1-read-only");

        // Downloads from the read-only page use the saved labels and names.
        var labels = saved.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var ids = await DownloadLinesAsync(page, "export-ids");
        Assert.Equal("Segment,Segment name,CustomerID", ids[0].TrimStart('\uFEFF'));
        Assert.Equal(61, ids.Length);
        Assert.Contains($"{labels[0]},{SegmentDashboard.Core.Export.LabeledCsvWriter.EscapeCell(segments[labels[0]].GetProperty("name").GetString()!)},C001", ids);
        var labeled = await DownloadLinesAsync(page, "export-csv");
        Assert.Equal(61, labeled.Length);
        Assert.EndsWith("Segment,Segment name", labeled[0], StringComparison.Ordinal);
        var profiles = JsonDocument.Parse(string.Join('\n', await DownloadLinesAsync(page, "export-profiles-json"))).RootElement;
        Assert.Equal(segments.Select(s => s.GetProperty("name").GetString()), profiles.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(4, (await DownloadLinesAsync(page, "export-profiles-csv")).Length);
        await page.AssertHealthyAsync();
    }

    private static async Task<string[]> DownloadLinesAsync(DashboardPage page, string testId)
    {
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.TestId(testId).ClickAsync());
        return await File.ReadAllLinesAsync(await download.PathAsync());
    }

    [SkippableFact]
    public async Task SharedLink_UnknownId_404WithoutHint()
    {
        // Since links are capabilities (issue 13), an unknown key answers a real 404 that does not echo it.
        fixture.RequireBrowser();
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };

        var response = await client.GetAsync("/a/nosuchanalysis");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("nosuchanalysis", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Report_DownloadedFromSharedLink_OpensOfflineWithChartsAndCards()
    {
        // Arrange
        fixture.RequireBrowser();
        var (id, saved) = await SaveViaApiAsync("Offline report");
        await using var session = await OpenAsync($"/a/{id}");
        await session.Dashboard.TestId("segment-card").First.WaitForAsync();
        var download = await session.Dashboard.Page.RunAndWaitForDownloadAsync(() => session.Dashboard.TestId("export-report").ClickAsync());
        var html = await File.ReadAllTextAsync(await download.PathAsync());

        // Act: a context with no network at all.
        var offline = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Offline = true });
        try
        {
            var report = await offline.NewPageAsync();
            var requests = 0;
            report.Request += (_, request) => { if (!request.Url.StartsWith("data:", StringComparison.Ordinal) && request.Url != "about:blank") { requests++; } };
            await report.SetContentAsync(html);
            var charts = await report.Locator("[data-figure]").CountAsync();
            await report.WaitForFunctionAsync("n => document.querySelectorAll('[data-figure][data-rendered] .main-svg').length >= n", charts, new PageWaitForFunctionOptions { Timeout = 30_000 });

            // Assert
            Assert.EndsWith("-report.html", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.True(charts >= 5, $"{charts} charts");
            Assert.Equal(
                saved.GetProperty("segments").EnumerateArray().OrderBy(s => s.GetProperty("id").GetInt32()).Select(s => s.GetProperty("name").GetString()),
                await report.Locator("[data-testid='segment-name']").AllInnerTextsAsync());
            Assert.Equal(3, await report.Locator("[data-testid='segment-card']").CountAsync());
            Assert.Equal("Offline report", await report.Locator("[data-testid='report-title']").InnerTextAsync());
            Assert.Equal(0, requests);
        }
        finally
        {
            await offline.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task ApplyToNewData_UploadSubsetAndFileWithoutColumns_SharesShiftAndMissingColumnsNamed()
    {
        // Arrange: rows of two of the three groups only.
        fixture.RequireBrowser();
        var (id, saved) = await SaveViaApiAsync("Apply to new data");
        var lines = ApiTestData.Customers().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var subset = string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where((_, row) => row % 3 != 2))) + "\n";
        var labels = saved.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var missingGroup = labels[2];
        var directory = Directory.CreateDirectory(Path.Combine(fixture.StorageFolder, "uploads")).FullName;
        var subsetPath = Path.Combine(directory, "new-customers.csv");
        var badPath = Path.Combine(directory, "wrong-columns.csv");
        await File.WriteAllTextAsync(subsetPath, subset);
        await File.WriteAllTextAsync(badPath, "CustomerID,Age\nC1,30\nC2,40\n");
        await using var session = await OpenAsync($"/a/{id}");
        var page = session.Dashboard;
        await page.TestId("segment-card").First.WaitForAsync();

        // Act
        await page.WaitForFileInputAsync("apply-upload");
        await page.TestId("apply-upload").SetInputFilesAsync(subsetPath);
        await page.TestId("shift-row").First.WaitForAsync();

        // Assert: the missing group's share drops from a third to zero, the others rise to a half.
        var newShares = await page.TestId("shift-new").AllInnerTextsAsync();
        var oldShares = await page.TestId("shift-old").AllInnerTextsAsync();
        Assert.All(oldShares, s => Assert.Equal("33.3%", s));
        Assert.Equal(Enumerable.Range(0, 3).Select(segment => segment == missingGroup ? "0.0%" : "50.0%"), newShares);
        Assert.True(await page.ChartTraceCountAsync("chart-share-shift") == 2);
        await page.ScreenshotAsync("share-2-apply-new-data");

        await page.TestId("apply-upload").SetInputFilesAsync(badPath);
        var error = page.TestId("apply-error");
        await error.WaitForAsync();
        var message = await error.InnerTextAsync();
        Assert.Contains("'Income'", message, StringComparison.Ordinal);
        Assert.Contains("'Score'", message, StringComparison.Ordinal);
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task AnalysesPage_SaveRenameDelete_ListFollows()
    {
        // Arrange: the dashboard segments the sample on its own; then go to the list page.
        fixture.RequireBrowser();
        await using var session = await OpenAsync("/");
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-analyses");
        var name = "UI save " + Guid.NewGuid().ToString("N")[..6];

        // Act: save
        await page.TestId("analysis-name").FillAsync(name);
        await page.TestId("save-analysis").ClickAsync();
        var row = page.TestId("saved-row").Filter(new LocatorFilterOptions { HasText = name });
        await row.WaitForAsync();

        // Assert: listed with the sample's rows and k, and the link opens it read-only.
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("2,000", cells[2]);
        Assert.Matches("^[0-9]+$", cells[3]);
        Assert.Equal("K-means", cells[4]);
        Assert.Equal(1, await page.TestId("saved-list").CountAsync());
        var id = await row.GetAttributeAsync("data-id");
        Assert.Equal($"a/{id}", await page.TestId("saved-link").Locator("a").First.GetAttributeAsync("href"));

        await page.ScreenshotAsync("share-3-analyses");

        // Rename
        await row.Locator("[data-testid='rename-analysis']").ClickAsync();
        await page.TestId("rename-input").FillAsync(name + " renamed");
        await page.TestId("rename-save").ClickAsync();
        var renamed = page.TestId("saved-row").Filter(new LocatorFilterOptions { HasText = name + " renamed" });
        await renamed.WaitForAsync();

        // Delete (with confirmation)
        await renamed.Locator("[data-testid='delete-analysis']").ClickAsync();
        await page.TestId("confirm-delete").ClickAsync();
        await page.Page.WaitForFunctionAsync("id => !document.querySelector(`[data-testid='saved-row'][data-id='${id}']`)", id);
        await page.AssertHealthyAsync();
    }

    private async Task<Session> OpenAsync(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(DashboardPage.Timeout);
        await page.GotoAsync(path);
        return new Session(context, new DashboardPage(page));
    }

    private sealed record Session(IBrowserContext Context, DashboardPage Dashboard) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
