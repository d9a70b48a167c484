using System.Globalization;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Web.EndToEnd;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>
/// One browser context on one app, with what the reliability tests watch: JavaScript dialogs
/// (an executed injection), Content-Security-Policy violations and the DashboardPage's console errors.
/// </summary>
public sealed class ReliabilitySession : IAsyncDisposable
{
    /// <summary>Runs before any page script: records every CSP violation the page reports.</summary>
    private const string WatchScript =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + (e.sample || '')));";

    private readonly List<string> _dialogs = [];

    private ReliabilitySession(IBrowserContext context, DashboardPage dashboard)
    {
        Context = context;
        Dashboard = dashboard;
        dashboard.Page.Dialog += async (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add(dialog.Type + ": " + dialog.Message);
            }

            await dialog.DismissAsync();
        };
    }

    public IBrowserContext Context { get; }

    public DashboardPage Dashboard { get; }

    public IPage Page => Dashboard.Page;

    /// <summary>The response to the first page load (its headers are the real app's).</summary>
    public IResponse? FirstResponse { get; private set; }

    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    public static async Task<ReliabilitySession> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            AcceptDownloads = true,
        });
        await context.AddInitScriptAsync(WatchScript);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(DashboardPage.Timeout);
        var session = new ReliabilitySession(context, new DashboardPage(page));
        session.FirstResponse = await page.GotoAsync("/");
        return session;
    }

    public Task<string[]> CspViolationsAsync() => Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");

    public Task<string> SummaryAsync() => Dashboard.TestId("dataset-summary").InnerTextAsync();

    public Task<string> DatasetNameAsync() => Page.Locator(".dataset-chip-name").InnerTextAsync();

    /// <summary>Sets k in the Segments tab and waits until the run it started is ready.</summary>
    public async Task SetKAsync(int k)
    {
        var run = await Dashboard.RunVersionAsync();
        await Dashboard.TestId("k-input").Locator("input[type=number]").FillAsync(k.ToString(CultureInfo.InvariantCulture));
        await Dashboard.WaitForReadyAsync(run);
    }

    /// <summary>No dialog, no CSP violation, no console error, no reconnect dialog.</summary>
    public async Task AssertHealthyAsync()
    {
        Assert.Empty(Dialogs);
        var violations = await CspViolationsAsync();
        Assert.True(violations.Length == 0, "Content-Security-Policy violations:\n" + string.Join('\n', violations));
        await Dashboard.AssertHealthyAsync();
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
