using Microsoft.Playwright;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Web.EndToEnd;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>
/// The real app process in Chromium with a hostile CSV: markup in headers and values never runs or
/// becomes an element, charts carry it encoded, the security headers are on the real responses,
/// the dashboard works under its CSP, the export neutralizes formulas, and errors leak nothing.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class HostileContentEndToEndTests(DashboardFixture fixture)
{
    private const string InjectedElements =
        "() => document.querySelectorAll(\"img[src='x'], [onerror], svg[onload], [onload]\").length + " +
        "[...document.scripts].filter(s => s.textContent.includes('alert(1)')).length";

    private const string AllChartsJson =
        "() => [...document.querySelectorAll('.js-plotly-plot')].map(el => JSON.stringify({ data: el.data, layout: el.layout }))";

    [SkippableFact]
    public async Task HostileCsv_EveryTab_NoScriptRunsNoElementInjectedChartsEncoded()
    {
        await using var session = await OpenWithHostileCsvAsync();
        var page = session.Dashboard;

        // Data tab: the hostile names are shown as text.
        var columns = await page.TestId("column-table").InnerTextAsync();
        Assert.Contains(HostileCsv.Script, columns, StringComparison.Ordinal);
        Assert.Contains(HostileCsv.Img, columns, StringComparison.Ordinal);
        Assert.Contains(HostileCsv.Svg, columns, StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.EvaluateAsync<int>(InjectedElements));

        var charts = new List<string>();
        await page.NavigateAsync("nav-explore");
        await page.ChartTraceCountAsync("chart-histogram");
        await page.ChartTraceCountAsync("chart-correlation");
        charts.AddRange(await session.Page.EvaluateAsync<string[]>(AllChartsJson));
        Assert.Equal(0, await session.Page.EvaluateAsync<int>(InjectedElements));

        await page.NavigateAsync("nav-segments");
        await page.ChartTraceCountAsync("chart-scatter");
        await page.ChartTraceCountAsync("chart-sizes");
        var scatter = await session.Page.Locator("[data-testid='chart-scatter'] .js-plotly-plot").EvaluateAsync<string>("el => JSON.stringify(el.data)");
        charts.AddRange(await session.Page.EvaluateAsync<string[]>(AllChartsJson));
        Assert.Equal(0, await session.Page.EvaluateAsync<int>(InjectedElements));

        await page.NavigateAsync("nav-profiles");
        await page.ChartTraceCountAsync("chart-profile-heatmap");
        var heatmap = await session.Page.Locator("[data-testid='chart-profile-heatmap'] .js-plotly-plot").EvaluateAsync<string>("el => JSON.stringify({ data: el.data, layout: el.layout })");
        charts.AddRange(await session.Page.EvaluateAsync<string[]>(AllChartsJson));
        Assert.Equal(0, await session.Page.EvaluateAsync<int>(InjectedElements));
        var cards = await page.TestId("segment-card").AllInnerTextsAsync();
        Assert.NotEmpty(cards);

        // Hover texts carry the values and names encoded; no chart carries them raw.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", scatter, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", scatter, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;svg onload=alert(1)&gt;", scatter, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", heatmap, StringComparison.Ordinal);
        foreach (var json in charts)
        {
            Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg onload", json, StringComparison.Ordinal);
        }

        // Hovering a point renders the hover box: still no element, no dialog.
        await session.Page.Locator("[data-testid='chart-profile-heatmap'] .js-plotly-plot").HoverAsync();
        await page.NavigateAsync("nav-data");
        Assert.Equal(0, await session.Page.EvaluateAsync<int>(InjectedElements));
        await session.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task RealApp_SecurityHeadersOnThePageAndNoCspViolationDuringATabWalk()
    {
        fixture.RequireBrowser();
        await using var session = await ReliabilitySession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        var headers = await session.FirstResponse!.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.False(headers.ContainsKey("server"), "The real app sends a Server banner: " + headers.GetValueOrDefault("server"));
        var script = await session.Page.APIRequest.GetAsync("_framework/blazor.web.js");
        Assert.Equal(200, script.Status);
        Assert.False(script.Headers.ContainsKey("server"));
        Assert.Equal("nosniff", script.Headers["x-content-type-options"]);

        foreach (var (nav, chart) in new[] { ("nav-explore", "chart-histogram"), ("nav-segments", "chart-scatter"), ("nav-profiles", "chart-profile-heatmap") })
        {
            await page.NavigateAsync(nav);
            Assert.True(await page.ChartTraceCountAsync(chart) > 0, chart);
        }

        await page.NavigateAsync("nav-segments");
        await session.SetKAsync(3);
        Assert.Equal("3", await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync());
        await page.NavigateAsync("nav-data");
        await session.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task ExportCsv_HostileDataset_DownloadNeutralizesFormulas()
    {
        await using var session = await OpenWithHostileCsvAsync();
        var page = session.Dashboard;
        await page.NavigateAsync("nav-profiles");

        var download = await session.Page.RunAndWaitForDownloadAsync(() => page.TestId("export-csv").ClickAsync());

        var text = await File.ReadAllTextAsync(await download.PathAsync());
        ExportInjectionApiTests.AssertNeutralized(ExportInjectionApiTests.ExportLines(text));
        await session.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task ColumnKindEdges_EveryKindOnHostileColumns_MessagesWithoutStackTraceOrPath()
    {
        await using var session = await OpenWithHostileCsvAsync();
        var page = session.Dashboard;

        var shown = new List<string>();
        foreach (var column in new[] { "Note", HostileCsv.Script, "Id" })
        {
            var select = session.Page.GetByLabel("Type of " + column, new PageGetByLabelOptions { Exact = true }).Locator("xpath=ancestor::div[contains(@class, 'kind-select')]");
            foreach (var kind in Enum.GetValues<ColumnKind>())
            {
                var before = await select.GetAttributeAsync("data-value");
                if (kind.ToString() == before)
                {
                    continue;
                }

                // Every kind change is accepted (an unreadable value becomes missing, with a notice) and starts a run;
                // wait for that run to finish before reading the panels, so no panel is read while it is replaced.
                var changeRun = await page.RunVersionAsync();
                await page.ChooseAsync(select, ColumnView.KindName(kind));
                await session.Page.WaitForFunctionAsync(
                    "after => { const s = document.querySelector(\"[data-testid='status']\"); return Number(s.dataset.run) > after && (s.classList.contains('status-ready') || s.classList.contains('status-failed')); }",
                    changeRun);

                var messages = await session.Page.Locator("[data-testid='error-message'], .notice-panel").AllInnerTextsAsync();
                foreach (var message in messages)
                {
                    CorpusUploadEndToEndTests.AssertNoLeak(message);
                }

                shown.AddRange(messages);
                await Assertions.Expect(select).ToHaveAttributeAsync("data-value", kind.ToString());
                await page.AssertNoReconnectDialogAsync();
            }
        }

        Assert.Contains(HostileCsv.FileName, await session.DatasetNameAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(shown);
        await session.AssertHealthyAsync();
    }

    /// <summary>A new browser user who uploaded the hostile CSV and sees it segmented.</summary>
    private async Task<ReliabilitySession> OpenWithHostileCsvAsync()
    {
        fixture.RequireBrowser();
        var session = await ReliabilitySession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        try
        {
            await session.Dashboard.WaitForReadyAsync();
            var run = await session.Dashboard.RunVersionAsync();
            await session.Dashboard.UploadAsync(new FilePayload { Name = HostileCsv.FileName, MimeType = "text/csv", Buffer = HostileCsv.Bytes });
            await session.Dashboard.WaitForReadyAsync(run);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
