using Microsoft.Playwright;

namespace SegmentDashboard.Tests.Support;

/// <summary>
/// Headless Chromium through Playwright, using the system's Chromium (Playwright cannot download
/// browsers here). When no Chromium is installed the browser tests skip with a clear message,
/// unless SEGMENTDASHBOARD_REQUIRE_BROWSER=1 (set by .ci/run), which turns the skip into a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    public const string RequireBrowserVariable = "SEGMENTDASHBOARD_REQUIRE_BROWSER";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly IPlaywright _playwright;

    private BrowserFixture(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static bool BrowserRequired => Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1";

    /// <summary>The Chromium to use: SEGMENTDASHBOARD_CHROMIUM, else a system install; null when none.</summary>
    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("SEGMENTDASHBOARD_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return Candidates.FirstOrDefault(File.Exists);
    }

    public static async Task<BrowserFixture> LaunchAsync(string executablePath)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                ],
            });
            return new BrowserFixture(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
