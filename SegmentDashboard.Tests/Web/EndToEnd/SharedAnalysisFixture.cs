using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.EndToEnd;

/// <summary>An app process with its own temporary Storage:Path, and a browser, for the saved-analysis tests.</summary>
public sealed class SharedAnalysisFixture : IAsyncLifetime
{
    private AppServerFixture? _app;
    private BrowserFixture? _browser;

    public string StorageFolder { get; } = Path.Combine(Path.GetTempPath(), $"sd-e2e-store-{Guid.NewGuid():N}");

    public string? SkipReason { get; private set; }

    public AppServerFixture App => _app ?? throw new InvalidOperationException(SkipReason ?? "The app is not running.");

    public IBrowser Browser => _browser?.Browser ?? throw new InvalidOperationException(SkipReason ?? "The browser is not running.");

    public async Task InitializeAsync()
    {
        var chromium = BrowserFixture.FindChromium();
        if (chromium is null)
        {
            SkipReason = "Skipped: no Chromium found (/usr/bin/chromium; set SEGMENTDASHBOARD_CHROMIUM or `apt-get install chromium`). "
                + $"Set {BrowserFixture.RequireBrowserVariable}=1 to make this a failure.";
            return;
        }

        _app = await AppServerFixture.StartAsync(new Dictionary<string, string> { ["Storage__Path"] = StorageFolder });
        _browser = await BrowserFixture.LaunchAsync(chromium);
    }

    public void RequireBrowser()
    {
        if (SkipReason is null)
        {
            return;
        }

        if (BrowserFixture.BrowserRequired)
        {
            throw new InvalidOperationException(SkipReason);
        }

        Skip.If(true, SkipReason);
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

        try
        {
            Directory.Delete(StorageFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // The app process may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
