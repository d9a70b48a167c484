using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;
using SegmentDashboard.Tests.Web.EndToEnd;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>Two users on one app: isolated datasets, a heavy run that does not freeze the other, and a short disconnect that keeps state.</summary>
[Collection(DashboardCollection.Name)]
public sealed class MultiUserEndToEndTests(DashboardFixture fixture)
{
    [SkippableFact]
    public async Task TwoUsers_EachSeesOnlyTheirOwnDatasetOnEveryTab()
    {
        fixture.RequireBrowser();
        var mall = Path.Combine(TestPaths.RequireFolder(TestPaths.Datasets), "mall_customers.csv");
        await using var a = await ReliabilitySession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await using var b = await ReliabilitySession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await a.Dashboard.WaitForReadyAsync();
        await b.Dashboard.WaitForReadyAsync();

        var run = await a.Dashboard.RunVersionAsync();
        await a.Dashboard.UploadAsync(mall);
        await a.Dashboard.WaitForReadyAsync(run);
        await b.Dashboard.NavigateAsync("nav-segments");
        await b.SetKAsync(3);

        foreach (var tab in new[] { "nav-explore", "nav-segments", "nav-profiles", "nav-data" })
        {
            await a.Dashboard.NavigateAsync(tab);
            await b.Dashboard.NavigateAsync(tab);
        }

        Assert.Contains("200 rows · 5 columns", await a.SummaryAsync(), StringComparison.Ordinal);
        Assert.Contains("2000 rows", await b.SummaryAsync(), StringComparison.Ordinal);
        Assert.Equal("mall_customers.csv", (await a.DatasetNameAsync()).Trim());
        Assert.NotEqual("mall_customers.csv", (await b.DatasetNameAsync()).Trim());
        var aColumns = await a.Dashboard.TestId("column-table").InnerTextAsync();
        var bColumns = await b.Dashboard.TestId("column-table").InnerTextAsync();
        Assert.Contains("Spending Score", aColumns, StringComparison.Ordinal);
        Assert.DoesNotContain("Spending Score", bColumns, StringComparison.Ordinal);

        await a.Dashboard.NavigateAsync("nav-profiles");
        await b.Dashboard.NavigateAsync("nav-profiles");
        var aCards = await a.Dashboard.TestId("segment-card").AllInnerTextsAsync();
        var bCards = await b.Dashboard.TestId("segment-card").AllInnerTextsAsync();
        Assert.Equal(3, bCards.Count);
        Assert.Empty(aCards.Intersect(bCards));
        Assert.DoesNotContain(bCards, card => card.Contains("Spending", StringComparison.OrdinalIgnoreCase));
        await a.AssertHealthyAsync();
        await b.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task HeavyRunOfOneUser_OtherUserChangesKAndGetsReady()
    {
        fixture.RequireBrowser();
        await using var a = await ReliabilitySession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await using var b = await ReliabilitySession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await a.Dashboard.WaitForReadyAsync();
        await b.Dashboard.WaitForReadyAsync();
        await a.Dashboard.NavigateAsync("nav-segments");
        await b.Dashboard.NavigateAsync("nav-segments");

        // A: average linkage (exact, O(n^2) memory) on 12,000 rows: seconds of CPU on this machine.
        var run = await a.Dashboard.RunVersionAsync();
        await a.Dashboard.NavigateAsync("nav-data");
        await a.Dashboard.UploadAsync(new FilePayload { Name = "big.csv", MimeType = "text/csv", Buffer = BigCsv(12_000) });
        await a.Dashboard.WaitForReadyAsync(run);
        await a.Dashboard.NavigateAsync("nav-segments");
        await a.Dashboard.ChooseAsync("algorithm-select", "Hierarchical");
        await a.Dashboard.ChooseAsync("linkage-select", "Average");
        await a.Page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='status']\").classList.contains('status-computing')");

        // B changes k while A computes and is ready well within the bound (the test timeout: 30 s).
        var before = await b.Dashboard.RunVersionAsync();
        await b.Dashboard.TestId("k-input").Locator("input[type=number]").FillAsync("5");
        await b.Page.WaitForFunctionAsync(
            "after => { const s = document.querySelector(\"[data-testid='status']\"); return s.textContent.includes('ready') && Number(s.dataset.run) > after; }",
            before,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var aWasStillComputing = await a.Page.EvaluateAsync<bool>("() => !document.querySelector(\"[data-testid='status']\").textContent.includes('ready')");

        Assert.Equal("5", await b.Dashboard.TestId("metric-segments").Locator(".metric-value").InnerTextAsync());
        await a.Dashboard.AssertNoReconnectDialogAsync();
        await b.AssertHealthyAsync();
        Console.WriteLine("A still computing when B was ready: " + aWasStillComputing.ToString(CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task ShortDisconnect_SameCircuitDatasetAndSettingsKept()
    {
        fixture.RequireBrowser();
        await using var session = await ReliabilitySession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        var mall = Path.Combine(TestPaths.RequireFolder(TestPaths.Datasets), "mall_customers.csv");
        var run = await page.RunVersionAsync();
        await page.UploadAsync(mall);
        await page.WaitForReadyAsync(run);
        await page.NavigateAsync("nav-segments");
        await session.SetKAsync(3);
        await session.Page.EvaluateAsync("() => { window.__noReload = 7; }");

        await session.Context.SetOfflineAsync(true);
        await session.Page.WaitForTimeoutAsync(2_000);
        await session.Context.SetOfflineAsync(false);

        // The reconnect banner (if it showed) goes away; the same page, dataset and k are there.
        await session.Page.WaitForFunctionAsync(
            "() => { const m = document.getElementById('components-reconnect-modal'); return !m || getComputedStyle(m).display === 'none'; }",
            null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Equal(7, await session.Page.EvaluateAsync<int>("() => window.__noReload"));
        Assert.Equal("3", await page.TestId("k-input").Locator("input[type=number]").InputValueAsync());
        Assert.Equal("3", await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync());

        // The circuit still answers: a new k computes on the uploaded dataset.
        await session.SetKAsync(4);
        Assert.Equal("4", await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync());
        await page.NavigateAsync("nav-data");
        Assert.Contains("200 rows · 5 columns", await session.SummaryAsync(), StringComparison.Ordinal);
        Assert.Equal(7, await session.Page.EvaluateAsync<int>("() => window.__noReload"));
    }

    private static byte[] BigCsv(int rows)
    {
        var text = new StringBuilder("Age,Income,Score,Visits\n");
        var random = new Random(11);
        for (var i = 0; i < rows; i++)
        {
            var g = i % 4;
            text.Append(CultureInfo.InvariantCulture, $"{20 + (g * 12) + random.Next(10)},{30 + (g * 25) + random.Next(20)},{(g * 20) + random.Next(30)},{random.Next(1, 40)}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
