using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.EndToEnd;

/// <summary>One app process and one browser shared by every end-to-end test (a new context per test).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private AppServerFixture? _app;
    private BrowserFixture? _browser;

    /// <summary>Why the browser tests cannot run here (null when they can).</summary>
    public string? SkipReason { get; private set; }

    public AppServerFixture App => _app ?? throw new InvalidOperationException(SkipReason ?? "The app is not running.");

    public IBrowser Browser => _browser?.Browser ?? throw new InvalidOperationException(SkipReason ?? "The browser is not running.");

    public static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var chromium = BrowserFixture.FindChromium();
        if (chromium is null)
        {
            SkipReason = "no Chromium found (/usr/bin/chromium; set SEGMENTDASHBOARD_CHROMIUM or `apt-get install chromium`)";
            return;
        }

        _app = await AppServerFixture.StartAsync();
        _browser = await BrowserFixture.LaunchAsync(chromium);
    }

    /// <summary>Skips (or, when the browser is required, fails) when the browser tests cannot run.</summary>
    public void RequireBrowser()
    {
        if (SkipReason is null)
        {
            return;
        }

        if (BrowserFixture.BrowserRequired)
        {
            throw new InvalidOperationException($"Browser tests are required ({BrowserFixture.RequireBrowserVariable}=1) but cannot run: {SkipReason}.");
        }

        Skip.If(true, $"Skipped browser test: {SkipReason}. Set {BrowserFixture.RequireBrowserVariable}=1 to make this a failure.");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard end to end";
}
