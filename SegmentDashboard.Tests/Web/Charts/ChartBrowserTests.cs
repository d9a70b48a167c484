using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Web.EndToEnd;
using Xunit.Abstractions;

namespace SegmentDashboard.Tests.Web.Charts;

/// <summary>
/// The charts in headless Chromium: honest "ready" on every tab (polled from the click on), bytes on
/// the websocket for a k change, no CSP violation on chart pages, charts as labelled figures.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartBrowserTests(DashboardFixture fixture, ITestOutputHelper output)
{
    /// <summary>A k change on the sample sent 88 KB before the move to Plotly.Blazor (BENCHMARKS.md).</summary>
    private const int KChangeBudgetBytes = 88 * 1024;

    /// <summary>Charts each tab shows on the built-in sample (already segmented).</summary>
    private static readonly Dictionary<string, (string Path, string[] Charts)> Tabs = new()
    {
        ["nav-explore"] = ("/explore", ["chart-histogram", "chart-categories", "chart-correlation", "chart-box", "chart-explore-scatter"]),
        ["nav-segments"] = ("/segments", ["chart-scatter", "chart-sizes", "chart-silhouette", "chart-elbow", "chart-k-quality"]),
        ["nav-profiles"] = ("/profiles", ["chart-profile-heatmap", "chart-radar"]),
        ["nav-data"] = ("/", []),
        ["nav-compare"] = ("/compare", []),
    };

    // Installed before the click: every animation frame, if the status says "ready" while the URL is
    // the clicked tab's, every chart of that tab must exist and show the version it last settled
    // (layout.meta == data-rendered, SVG drawn); otherwise the frame is recorded as a lie. The first
    // honest "ready" frame gives the click-to-ready time.
    private const string WatchScript = """
        ([path, charts]) => {
            const drawn = figure => {
                const el = figure && figure.querySelector('.js-plotly-plot');
                return !!el && !!el._fullLayout && el.dataset.rendered !== undefined
                    && String(el._fullLayout.meta) === el.dataset.rendered && !!el.querySelector('.main-svg');
            };
            const watch = { start: performance.now(), lies: [], readyAfter: null, drawnAt: {}, statusAt: [] };
            window.__tabWatch = watch;
            const tick = () => {
                const status = document.querySelector("[data-testid='status']");
                const ready = !!status && status.textContent.includes('ready');
                const text = status ? status.textContent.trim() : '';
                if (!watch.statusAt.length || watch.statusAt[watch.statusAt.length - 1].text !== text) {
                    watch.statusAt.push({ text, at: Math.round(performance.now() - watch.start) });
                }
                for (const figure of document.querySelectorAll("figure[data-testid^='chart-']")) {
                    if (watch.drawnAt[figure.dataset.testid] === undefined && drawn(figure)) {
                        watch.drawnAt[figure.dataset.testid] = Math.round(performance.now() - watch.start);
                    }
                }
                if (ready && location.pathname === path) {
                    const figures = [...document.querySelectorAll("figure[data-testid^='chart-']")];
                    const missing = charts.filter(id => !document.querySelector(`[data-testid='${id}']`));
                    const undrawn = figures.filter(f => !drawn(f)).map(f => f.dataset.testid);
                    if (missing.length || undrawn.length) {
                        watch.lies.push(`${Math.round(performance.now() - watch.start)} ms: missing ${missing} undrawn ${undrawn}`);
                    } else if (watch.readyAfter === null) {
                        watch.readyAfter = performance.now() - watch.start;
                    }
                }
                if (watch.readyAfter === null || performance.now() - watch.start < watch.readyAfter + 500) {
                    requestAnimationFrame(tick);
                }
            };
            requestAnimationFrame(tick);
        }
        """;

    [SkippableFact]
    public async Task Tabs_ClickEachTab_NeverSaysReadyBeforeEveryChartOfTheTabHasDrawn()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        var times = await ClickThroughTabsAsync(page);

        output.WriteLine(string.Join('\n', times));
        await ChartMeasurements.WriteAsync("tabs-sample", times);
        await page.AssertHealthyAsync();
    }

    /// <summary>The same on 100,000 rows (opt-in like the other scale measurements: it uploads a 100,000-row file).</summary>
    [SkippableFact]
    public async Task Tabs_OnOneHundredThousandRows_NeverSayReadyBeforeEveryChartHasDrawn()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable(SegmentDashboard.Tests.Benchmarks.ScaleMeasurementTests.ScaleVariable) == "1", "Opt-in scale measurement (see BENCHMARKS.md).");
        var path = Path.Combine(Path.GetTempPath(), "segmentdashboard-sample-100000.csv");
        if (!File.Exists(path))
        {
            await File.WriteAllTextAsync(path, SegmentDashboard.Core.Samples.SampleCustomers.ToCsv(100_000));
        }

        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        var run = await page.RunVersionAsync();
        await page.UploadAsync(path);
        // Loading and segmenting 100,000 rows (with the k-sweep) takes longer than a chart does.
        await page.Page.WaitForFunctionAsync(
            "after => { const s = document.querySelector(\"[data-testid='status']\"); return !!s && s.textContent.includes('ready') && Number(s.dataset.run) > after; }",
            run,
            new PageWaitForFunctionOptions { Timeout = 600_000 });
        Assert.Contains("100000 rows", await page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);

        var times = await ClickThroughTabsAsync(page);

        output.WriteLine(string.Join('\n', times));
        await ChartMeasurements.WriteAsync("tabs-100k", times);
        await page.AssertHealthyAsync();
    }

    /// <summary>Clicks through the tabs twice (cold, then with figures built), watching every frame; returns click-to-ready times.</summary>
    private static async Task<List<string>> ClickThroughTabsAsync(DashboardPage page)
    {
        var times = new List<string>();
        foreach (var nav in new[] { "nav-explore", "nav-segments", "nav-profiles", "nav-compare", "nav-data", "nav-explore", "nav-segments", "nav-profiles", "nav-compare" })
        {
            var (path, charts) = Tabs[nav];
            await page.Page.EvaluateAsync(WatchScript, new object[] { path, charts });
            await page.TestId(nav).ClickAsync();
            await page.Page.WaitForFunctionAsync("() => window.__tabWatch.readyAfter !== null", null, new PageWaitForFunctionOptions { Timeout = DashboardPage.Timeout });
            // The watch goes on for 500 ms after "ready" (a late chart would show up as a lie).
            await page.Page.WaitForFunctionAsync("() => performance.now() - window.__tabWatch.start > window.__tabWatch.readyAfter + 500");

            var lies = await page.Page.EvaluateAsync<string[]>("() => window.__tabWatch.lies");
            var readyAfter = await page.Page.EvaluateAsync<double>("() => window.__tabWatch.readyAfter");
            Assert.True(lies.Length == 0, $"{nav}: the status said ready before the tab's charts were drawn:\n" + string.Join('\n', lies.Take(10)));
            var detail = await page.Page.EvaluateAsync<string>("() => JSON.stringify({ drawn: window.__tabWatch.drawnAt, status: window.__tabWatch.statusAt })");
            times.Add($"{nav}: ready {readyAfter.ToString("F0", CultureInfo.InvariantCulture)} ms after the click ({detail})");
        }

        return times;
    }

    /// <summary>
    /// A new box plot is built off the render thread (Explore's figures come from the figure cache):
    /// from the choice on, every frame checks that "ready" never shows while the box chart still
    /// shows the segments' boxes or has not drawn the new figure.
    /// </summary>
    [SkippableFact]
    public async Task ExploreBoxPlot_ChooseACategory_NeverSaysReadyBeforeTheNewBoxesAreDrawn()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-explore");
        await page.WaitForReadyAsync();
        var segmentBoxes = await page.Page.Locator("[data-testid='chart-box'] .js-plotly-plot").EvaluateAsync<string[]>("el => el.data.map(t => t.name)");

        await page.Page.EvaluateAsync("""
            old => {
                const watch = { lies: [], left: false, done: false };
                window.__boxWatch = watch;
                // The status may leave "ready" and come back between two frames under a full run's load:
                // every change of its text is seen here, frames or not.
                const status = document.querySelector("[data-testid='status']");
                new MutationObserver(() => { watch.left = watch.left || !status.textContent.includes('ready'); })
                    .observe(status, { childList: true, characterData: true, subtree: true });
                const tick = () => {
                    const status = document.querySelector("[data-testid='status']");
                    const ready = !!status && status.textContent.includes('ready');
                    watch.left = watch.left || !ready;
                    const el = document.querySelector("[data-testid='chart-box'] .js-plotly-plot");
                    const names = el && el.data ? el.data.map(t => t.name) : [];
                    const drawn = !!el && !!el._fullLayout && String(el._fullLayout.meta) === el.dataset.rendered;
                    const stale = names.join('|') === old.join('|');
                    if (ready && watch.left && (stale || !drawn)) {
                        watch.lies.push(`ready while the box chart ${stale ? 'showed the segments' : 'was not drawn'}`);
                    }
                    if (ready && watch.left && !stale && drawn) {
                        watch.done = true;
                    } else {
                        requestAnimationFrame(tick);
                    }
                };
                requestAnimationFrame(tick);
            }
            """, segmentBoxes);
        await page.ChooseAsync("box-group", "Sex");
        await page.Page.WaitForFunctionAsync("() => window.__boxWatch.done", null, new PageWaitForFunctionOptions { Timeout = DashboardPage.Timeout });

        var lies = await page.Page.EvaluateAsync<string[]>("() => window.__boxWatch.lies");
        Assert.True(lies.Length == 0, string.Join('\n', lies.Take(10)));
        Assert.Equal(["Female", "Male"], await page.Page.Locator("[data-testid='chart-box'] .js-plotly-plot").EvaluateAsync<string[]>("el => el.data.map(t => t.name)"));
        Assert.Equal("Sex", await page.TestId("box-group").GetAttributeAsync("data-value"));
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task KChange_OnTheSample_SendsNoMoreThanBeforeOverTheWebSocket()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        var received = 0L;
        var sent = 0L;
        var counting = false;
        page.Page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) =>
            {
                if (counting)
                {
                    Interlocked.Add(ref received, FrameBytes(frame));
                }
            };
            socket.FrameSent += (_, frame) =>
            {
                if (counting)
                {
                    Interlocked.Add(ref sent, FrameBytes(frame));
                }
            };
        };
        await page.Page.ReloadAsync();
        await page.WaitForReadyAsync();
        await page.NavigateAsync("nav-segments");
        await page.WaitForReadyAsync();

        var lines = new List<string>();
        foreach (var k in new[] { 5, 3, 6, 4 })
        {
            var run = await page.RunVersionAsync();
            Interlocked.Exchange(ref received, 0);
            Interlocked.Exchange(ref sent, 0);
            counting = true;
            await page.TestId("k-input").Locator("input[type=number]").FillAsync(k.ToString(CultureInfo.InvariantCulture));
            await page.WaitForReadyAsync(run);
            counting = false;
            Assert.Equal(k, await page.ChartTraceCountAsync("chart-scatter"));

            var bytes = Interlocked.Read(ref received);
            lines.Add($"k -> {k}: {bytes:N0} bytes server -> browser, {Interlocked.Read(ref sent):N0} bytes browser -> server");
            Assert.True(bytes <= KChangeBudgetBytes, $"k -> {k} sent {bytes:N0} bytes to the browser (budget {KChangeBudgetBytes:N0}).");
        }

        output.WriteLine(string.Join('\n', lines));
        await ChartMeasurements.WriteAsync("k-change-bytes", lines);
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task ChartPages_Visited_NoCspViolationAndChartsAreLabelledFiguresWithoutRoleImg()
    {
        await using var session = await OpenAsync(initScript: """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
            """);
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        foreach (var nav in new[] { "nav-explore", "nav-segments", "nav-profiles" })
        {
            await page.NavigateAsync(nav);
            await page.WaitForReadyAsync();
            foreach (var chart in Tabs[nav].Charts)
            {
                await page.ChartTraceCountAsync(chart);
                var box = page.TestId(chart);
                Assert.Equal("figure", await box.EvaluateAsync<string>("el => el.tagName.toLowerCase()"));
                Assert.Equal(0, await box.Locator("[role='img']").CountAsync());
                var name = await box.EvaluateAsync<string>(
                    "el => el.getAttribute('aria-label') ?? document.getElementById(el.getAttribute('aria-labelledby'))?.textContent ?? ''");
                Assert.False(string.IsNullOrWhiteSpace(name), $"{chart} has no accessible name");
            }
        }

        // WebGL drew the segment scatter under script-src 'self' (no eval) with the strict bundle.
        await page.NavigateAsync("nav-segments");
        await page.WaitForReadyAsync();
        Assert.Equal("scattergl", await page.Page.Locator("[data-testid='chart-scatter'] .js-plotly-plot").EvaluateAsync<string>("el => el._fullData[0].type"));
        Assert.True(await page.Page.Locator("[data-testid='chart-scatter'] canvas").CountAsync() > 0);
        var violations = await page.Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, "CSP violations:\n" + string.Join('\n', violations));
        await page.AssertHealthyAsync();
    }

    [SkippableFact]
    public async Task ChartTabs_Axe_NoNestedInteractiveAndNoSeriousViolationInsideACharts()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        foreach (var nav in new[] { "nav-explore", "nav-segments", "nav-profiles" })
        {
            await page.NavigateAsync(nav);
            await page.WaitForReadyAsync();

            var result = await page.Page.RunAxe();

            // Plotly's mode bar is interactive: the chart box around it must not be role="img".
            Assert.DoesNotContain(result.Violations, v => v.Id == "nested-interactive");
            var inCharts = result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .SelectMany(v => v.Nodes.Select(n => (v.Id, Node: n.Html ?? string.Empty, Target: n.Target?.ToString() ?? string.Empty)))
                .Where(n => n.Target.Contains("chart", StringComparison.Ordinal) || n.Node.Contains("plotly", StringComparison.Ordinal) || n.Node.Contains("chart-", StringComparison.Ordinal))
                .Select(n => $"{n.Id}: {n.Target}")
                .ToArray();
            Assert.True(inCharts.Length == 0, $"{nav}: axe found in charts:\n" + string.Join('\n', inCharts));
        }
    }

    [SkippableFact]
    public async Task EveryChart_CameraButton_DownloadsAPngWithContent()
    {
        await using var session = await OpenAsync();
        var page = session.Dashboard;
        await page.WaitForReadyAsync();

        foreach (var nav in new[] { "nav-segments", "nav-profiles", "nav-explore" })
        {
            await page.NavigateAsync(nav);
            await page.WaitForReadyAsync();
            foreach (var chart in Tabs[nav].Charts)
            {
                var graph = page.Page.Locator($"[data-testid='{chart}'] .js-plotly-plot");
                await graph.ScrollIntoViewIfNeededAsync();
                await graph.HoverAsync();
                var download = await page.Page.RunAndWaitForDownloadAsync(
                    () => graph.Locator(".modebar-btn[data-title='Download plot as a PNG']").ClickAsync());
                var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

                Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
                var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
                Assert.True(width > 400 && bytes.Length > 10_000, $"{chart}: PNG {width} px wide, {bytes.Length} bytes");
            }
        }

        await page.AssertHealthyAsync();
    }

    private static long FrameBytes(IWebSocketFrame frame) =>
        frame.Binary is { } binary ? binary.Length : System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? string.Empty);

    private async Task<Session> OpenAsync(string? initScript = null)
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

/// <summary>Measured figures of the chart browser tests, written under TestResults/ for BENCHMARKS.md.</summary>
internal static class ChartMeasurements
{
    public static Task WriteAsync(string name, IEnumerable<string> lines)
    {
        var folder = Directory.CreateDirectory(Path.Combine(SegmentDashboard.Tests.Support.TestPaths.RepoRoot, "TestResults", "charts")).FullName;
        return File.WriteAllLinesAsync(Path.Combine(folder, name + ".txt"), lines);
    }
}
