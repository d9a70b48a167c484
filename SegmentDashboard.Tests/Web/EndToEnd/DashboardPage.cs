using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SegmentDashboard.Tests.Web.EndToEnd;

/// <summary>Page helpers over the data-testid contract.</summary>
public sealed class DashboardPage
{
    public static readonly float Timeout = 90_000;

    private readonly List<string> _errors = [];

    public DashboardPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add("console: " + message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add("page error: " + error);
            }
        };
    }

    public IPage Page { get; }

    public ILocator TestId(string id) => Page.Locator($"[data-testid='{id}']");

    /// <summary>
    /// Chooses in the MudSelect inside <paramref name="testId"/> as a user does: clicks the select,
    /// then the option whose visible text is exactly <paramref name="label"/> in its popover.
    /// </summary>
    public Task ChooseAsync(string testId, string label) => ChooseAsync(TestId(testId), label);

    /// <summary>Chooses <paramref name="label"/> in the MudSelect inside <paramref name="select"/> by clicks.</summary>
    public async Task ChooseAsync(ILocator select, string label)
    {
        await select.Locator(".mud-input-control").ClickAsync(new LocatorClickOptions { Timeout = Timeout });
        var option = Page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^\\s*" + Regex.Escape(label) + "\\s*$") });
        await option.ClickAsync(new LocatorClickOptions { Timeout = Timeout });
        await Page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = Timeout });
    }

    public async Task<long> RunVersionAsync() =>
        long.Parse(await TestId("status").GetAttributeAsync("data-run") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Waits until the status says "ready" for a run newer than <paramref name="afterRun"/>.</summary>
    public Task WaitForReadyAsync(long afterRun = -1) =>
        Page.WaitForFunctionAsync(
            "after => { const s = document.querySelector(\"[data-testid='status']\"); return !!s && s.textContent.includes('ready') && Number(s.dataset.run) > after; }",
            afterRun,
            new PageWaitForFunctionOptions { Timeout = Timeout });

    public async Task NavigateAsync(string navTestId)
    {
        await TestId(navTestId).ClickAsync();
        await Page.WaitForFunctionAsync("id => document.querySelector(`[data-testid='${id}']`).classList.contains('active')", navTestId);
    }

    /// <summary>
    /// Waits until the chart shows a figure of its own (the module marks the graph <c>data-rendered</c>
    /// with the figure's version; before that Plotly.Blazor's graph div already exists, with no
    /// traces) and returns the graph's trace count.
    /// </summary>
    public async Task<int> ChartTraceCountAsync(string chartTestId)
    {
        await Page.WaitForFunctionAsync(
            "id => { const g = document.querySelector(`[data-testid='${id}'] .js-plotly-plot`); return !!g && Number(g.dataset.rendered) > 0; }",
            chartTestId,
            new PageWaitForFunctionOptions { Timeout = Timeout });
        return await Page.Locator($"[data-testid='{chartTestId}'] .js-plotly-plot").EvaluateAsync<int>("el => (el.data || []).length");
    }

    /// <summary>
    /// Waits until Blazor's InputFile behind <paramref name="testId"/> is wired up (its JS init runs
    /// after the first render): files set before that raise no change event and are lost.
    /// </summary>
    public Task WaitForFileInputAsync(string testId) =>
        Page.WaitForFunctionAsync(
            "id => { const el = document.querySelector(`[data-testid='${id}']`); return !!el && el._blazorInputFileNextFileId !== undefined; }",
            testId,
            new PageWaitForFunctionOptions { Timeout = Timeout });

    /// <summary>Uploads the file at <paramref name="path"/> through the InputFile behind <paramref name="testId"/>, once Blazor has wired it.</summary>
    public async Task UploadAsync(string path, string testId = "upload")
    {
        await WaitForFileInputAsync(testId);
        await TestId(testId).SetInputFilesAsync(path);
    }

    /// <summary>Uploads <paramref name="file"/> through the InputFile behind <paramref name="testId"/>, once Blazor has wired it.</summary>
    public async Task UploadAsync(FilePayload file, string testId = "upload")
    {
        await WaitForFileInputAsync(testId);
        await TestId(testId).SetInputFilesAsync(file);
    }

    /// <summary>Total number of x values over all traces of the chart (points or bars).</summary>
    public Task<int> ChartPointCountAsync(string chartTestId) =>
        Page.Locator($"[data-testid='{chartTestId}'] .js-plotly-plot")
            .EvaluateAsync<int>("el => (el.data || []).reduce((n, t) => n + ((t.x || t.r || []).length), 0)");

    /// <summary>Waits until <paramref name="predicate"/> (a JS function of the graph div) returns true.</summary>
    public Task WaitForChartAsync(string chartTestId, string predicate) =>
        Page.WaitForFunctionAsync(
            "() => { const el = document.querySelector(\"[data-testid='" + chartTestId + "'] .js-plotly-plot\"); return !!el && !!el.data && (" + predicate + ")(el); }",
            null,
            new PageWaitForFunctionOptions { Timeout = Timeout });

    /// <summary>Where WebGL is unusable the chart falls back to SVG: Plotly's "WebGL is not supported" box must go.</summary>
    public Task WaitForNoWebGlMessageAsync() =>
        Page.WaitForFunctionAsync("() => document.querySelectorAll('.no-webgl').length === 0", null, new PageWaitForFunctionOptions { Timeout = 20_000 });

    public async Task ScreenshotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(DashboardFixture.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });
    }

    /// <summary>No reconnect dialog, no script error, no Content-Security-Policy violation.</summary>
    public async Task AssertHealthyAsync()
    {
        await AssertNoReconnectDialogAsync();
        lock (_errors)
        {
            Assert.True(_errors.Count == 0, "Browser errors:\n" + string.Join('\n', _errors));
        }
    }

    public async Task AssertNoReconnectDialogAsync()
    {
        var shown = await Page.EvaluateAsync<bool>(
            "() => { const m = document.getElementById('components-reconnect-modal'); return !!m && getComputedStyle(m).display !== 'none'; }");
        Assert.False(shown, "The Blazor reconnect dialog is showing: the circuit dropped.");
    }
}
