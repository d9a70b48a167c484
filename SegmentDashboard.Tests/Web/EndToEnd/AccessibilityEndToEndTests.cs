using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.EndToEnd;

/// <summary>
/// Every page (the five tabs and the read-only saved-analysis link) in both themes: axe-core finds
/// no serious or critical violation, and the browser reports no Content-Security-Policy violation.
/// </summary>
public sealed class AccessibilityEndToEndTests(SharedAnalysisFixture fixture) : IClassFixture<SharedAnalysisFixture>
{
    private static readonly string[] Tabs = ["nav-data", "nav-explore", "nav-segments", "nav-profiles", "nav-analyses"];

    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Records every securitypolicyviolation event of the document, read back per page.</summary>
    private const string CspRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [SkippableFact]
    public async Task EveryPage_BothThemes_AxeFindsNoSeriousOrCriticalViolation()
    {
        // Arrange
        fixture.RequireBrowser();
        var findings = new List<string>();

        // Act
        await WalkEveryPageAsync(async (page, where) =>
        {
            var result = await page.Page.RunAxe();
            foreach (var violation in result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)))
            {
                var nodes = string.Join("; ", violation.Nodes.Take(5).Select(n => n.Target?.ToString()));
                findings.Add($"{where}: {violation.Impact} {violation.Id} ({violation.Nodes.Length} elements: {nodes})");
            }
        });

        // Assert
        Assert.True(findings.Count == 0, "axe-core violations:\n" + string.Join('\n', findings));
    }

    [SkippableFact]
    public async Task EveryPage_BothThemes_NoContentSecurityPolicyViolation()
    {
        // Arrange
        fixture.RequireBrowser();
        var findings = new List<string>();
        var pagesChecked = 0;

        // Act
        await WalkEveryPageAsync(async (page, where) =>
        {
            var violations = await page.Page.EvaluateAsync<string[]>("() => window.__cspViolations.splice(0)");
            findings.AddRange(violations.Select(v => $"{where}: {v}"));
            findings.AddRange(page.TakeConsoleCspMessages().Select(m => $"{where}: console: {m}"));
            pagesChecked++;
        });

        // Assert
        Assert.Equal(2 * (Tabs.Length + 1), pagesChecked);
        Assert.True(findings.Count == 0, "Content-Security-Policy violations:\n" + string.Join('\n', findings));
    }

    /// <summary>
    /// Opens the dashboard and visits every tab in the light then the dark theme, then the read-only
    /// link of a saved analysis in both themes; <paramref name="check"/> runs once each page is ready.
    /// </summary>
    private async Task WalkEveryPageAsync(Func<CspAwarePage, string, Task> check)
    {
        var id = await SaveViaApiAsync();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var browserPage = await context.NewPageAsync();
        browserPage.SetDefaultTimeout(DashboardPage.Timeout);
        await browserPage.AddInitScriptAsync(CspRecorder);
        var page = new CspAwarePage(browserPage);

        await browserPage.GotoAsync("/");
        await page.Dashboard.WaitForReadyAsync();
        foreach (var theme in new[] { "light", "dark" })
        {
            await SetThemeAsync(page, theme);
            foreach (var tab in Tabs)
            {
                await page.Dashboard.NavigateAsync(tab);
                await page.Dashboard.WaitForReadyAsync();
                await check(page, $"{tab} ({theme})");
            }
        }

        await browserPage.GotoAsync($"/a/{id}");
        await page.Dashboard.TestId("segment-card").First.WaitForAsync();
        foreach (var theme in new[] { "light", "dark" })
        {
            await SetThemeAsync(page, theme);
            await check(page, $"/a/{{id}} ({theme})");
        }
    }

    private static async Task SetThemeAsync(CspAwarePage page, string theme)
    {
        if (!await page.Page.Locator($".app-shell.theme-{theme}").IsVisibleAsync())
        {
            await page.Dashboard.TestId("theme-toggle").ClickAsync();
        }

        await page.Page.Locator($".app-shell.theme-{theme}").WaitForAsync(new LocatorWaitForOptions { Timeout = DashboardPage.Timeout });
    }

    private async Task<string> SaveViaApiAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var response = await client.PostAsync("/api/analyses?name=Accessibility&features=Age,Income,Score&k=3&seed=2", ApiTestData.Csv(ApiTestData.Customers()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiTestData.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>A dashboard page that also keeps the console's Content-Security-Policy reports.</summary>
    private sealed class CspAwarePage
    {
        private readonly List<string> _console = [];

        public CspAwarePage(IPage page)
        {
            Page = page;
            Dashboard = new DashboardPage(page);
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    lock (_console)
                    {
                        _console.Add(message.Text);
                    }
                }
            };
        }

        public IPage Page { get; }

        public DashboardPage Dashboard { get; }

        public string[] TakeConsoleCspMessages()
        {
            lock (_console)
            {
                var messages = _console.ToArray();
                _console.Clear();
                return messages;
            }
        }
    }
}
