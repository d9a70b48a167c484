using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;
using SegmentDashboard.Tests.Web.EndToEnd;

namespace SegmentDashboard.Tests.Web.Data;

/// <summary>
/// The Data page in Chromium: an order-line export becomes customers (the count checked against
/// pandas), segments are customers and the labeled export per original line works; a
/// 3,000-column file renders its (virtualized) column grid and the next upload still works.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DataPageEndToEndTests(DashboardFixture fixture)
{
    private const string OrderLines = "realdata_orderlines.csv";

    [SkippableFact]
    public async Task Customers_OrderLines_SegmentsCustomersAndExportsEveryLine()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        var expected = Expected(OrderLines);
        var customers = expected.GetProperty("customers").GetArrayLength();
        var sourceRows = expected.GetProperty("sourceRows").GetInt32();
        var withoutCustomer = expected.GetProperty("rowsWithoutCustomer").GetInt32();

        // Upload the order lines: the transactions card offers one row per customer.
        var run = await page.RunVersionAsync();
        await page.UploadAsync(Path.Combine(TestPaths.RepoRoot, "SegmentDashboard.Tests", "Reference", OrderLines));
        await page.WaitForReadyAsync(run);
        Assert.Contains($"{sourceRows} rows", await page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.TestId("customers-panel").WaitForAsync();

        // Switch it on (the columns are suggested from the file) and see the customers.
        run = await page.RunVersionAsync();
        await session.Dashboard.Page.Locator("label:has(input[data-testid='customers-toggle'])").ClickAsync();
        var summary = page.TestId("customers-summary");
        await summary.WaitForAsync();
        Assert.Contains($"{customers} customers from {sourceRows} rows", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"{withoutCustomer} rows without a customer left out", await summary.InnerTextAsync(), StringComparison.Ordinal);
        await page.WaitForReadyAsync(run);
        Assert.Contains($"{customers} rows", await page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);

        // Segments are customers: the per-customer export has one line per customer, the per-line export one per order line.
        await page.NavigateAsync("nav-profiles");
        await page.TestId("segment-card").First.WaitForAsync();
        var perCustomer = await DownloadLinesAsync(page, "export-csv");
        Assert.Equal(customers + 1, perCustomer.Length);

        var perLine = await DownloadLinesAsync(page, "export-csv-lines");
        Assert.Equal(sourceRows + 1, perLine.Length);
        Assert.EndsWith("Segment,Segment name", perLine[0], StringComparison.Ordinal);
        Assert.StartsWith("ORDERNUMBER,", perLine[0], StringComparison.Ordinal);

        // The customer column is the identifier a marketer acts on: kept; contact columns are not, unless asked.
        var header = perLine[0].Split(',');
        Assert.Contains("CUSTOMERNAME", header);
        Assert.DoesNotContain("PHONE", header);
        Assert.DoesNotContain("CONTACTLASTNAME", header);
        var unlabelled = perLine.Skip(1).Count(line => line.EndsWith(",,", StringComparison.Ordinal));
        Assert.Equal(withoutCustomer, unlabelled);

        // Back on the Data page the switch is still on (the choice outlives the page).
        await page.NavigateAsync("nav-data");
        await summary.WaitForAsync();
        Assert.True(await session.Dashboard.Page.Locator("input[data-testid='customers-toggle']").IsCheckedAsync());
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task Upload_ThreeThousandColumns_GridRendersAndTheNextUploadLoads()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        var wide = new StringBuilder(string.Join(",", Enumerable.Range(1, 3000).Select(i => $"c{i}")) + "\n");
        for (var row = 1; row <= 20; row++)
        {
            wide.Append(string.Join(",", Enumerable.Range(1, 3000).Select(i => ((i * row) % 97).ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }

        var watch = Stopwatch.StartNew();
        await page.UploadAsync(new FilePayload { Name = "wide.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(wide.ToString()) });
        await page.Page.WaitForFunctionAsync(
            "() => { const t = document.querySelector(\"[data-testid='column-table']\"); return !!t && t.innerText.includes('3,000 columns') && !!t.querySelector('.col-name'); }",
            null,
            new PageWaitForFunctionOptions { Timeout = DashboardPage.Timeout });
        var rendered = watch.Elapsed;
        var rows = await page.TestId("column-table").Locator("tbody tr .col-name").CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"3,000-column file: column grid rendered {rows} rows {rendered.TotalSeconds:0.00} s after the upload started"));
        Assert.InRange(rows, 1, 100);

        // Find a column far down by name.
        await page.Page.Locator("input[data-testid='column-search'], [data-testid='column-search'] input").First.FillAsync("c2999");
        await page.Page.Locator("[data-testid='column-table'] .col-name", new PageLocatorOptions { HasTextString = "c2999" }).First.WaitForAsync();

        // The next upload is not blocked by the wide grid.
        var run = await page.RunVersionAsync();
        await page.UploadAsync(new FilePayload { Name = "small.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Age,Income\n23,40\n35,52\n47,61\n52,70\n29,45\n") });
        await page.WaitForReadyAsync(run);
        Assert.Contains("5 rows · 2 columns", await page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.TestId("column-table").Locator("tbody tr").CountAsync());
        await page.AssertHealthyAsync();
    }

    private static JsonElement Expected(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "SegmentDashboard.Tests", "Reference", "realdata_expected.json")));
        return document.RootElement.GetProperty("files").GetProperty(file).Clone();
    }

    private static async Task<string[]> DownloadLinesAsync(DashboardPage page, string testId)
    {
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.TestId(testId).ClickAsync());
        return await File.ReadAllLinesAsync(await download.PathAsync());
    }

    private async Task<Session> OpenAsync()
    {
        fixture.RequireBrowser();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(DashboardPage.Timeout);
        await page.GotoAsync("/");
        return new Session(context, new DashboardPage(page));
    }

    private sealed record Session(IBrowserContext Context, DashboardPage Dashboard) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
