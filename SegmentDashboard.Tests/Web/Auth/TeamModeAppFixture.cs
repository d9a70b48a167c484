using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>
/// The real app in team mode (Auth:Mode=local) on a loopback port with its own database, plus a
/// browser. Users are made the ways the product offers: the first administrator through /setup
/// with the token the server printed, the others with the <c>users add</c> / <c>users token</c> command.
/// </summary>
public sealed partial class TeamModeAppFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    private AppServerFixture? _app;
    private BrowserFixture? _browser;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sd-team-e2e-{Guid.NewGuid():N}");

    public string? SkipReason { get; private set; }

    public AppServerFixture App => _app ?? throw new InvalidOperationException(SkipReason ?? "The app is not running.");

    public IBrowser Browser => _browser?.Browser ?? throw new InvalidOperationException(SkipReason ?? "The browser is not running.");

    public Dictionary<string, string> Environment => new()
    {
        ["Auth__Mode"] = "local",
        ["Storage__Path"] = Folder,
    };

    public async Task InitializeAsync()
    {
        var chromium = BrowserFixture.FindChromium();
        if (chromium is null)
        {
            SkipReason = "Skipped: no Chromium found (/usr/bin/chromium; set SEGMENTDASHBOARD_CHROMIUM or `apt-get install chromium`). "
                + $"Set {BrowserFixture.RequireBrowserVariable}=1 to make this a failure.";
            return;
        }

        _app = await AppServerFixture.StartAsync(Environment, TimeSpan.FromSeconds(120));
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

    /// <summary>The one-time setup token the server printed at first start.</summary>
    public string SetupToken()
    {
        var match = SetupTokenPattern().Match(App.Log);
        Assert.True(match.Success, "No setup token in the server log:\n" + App.Log);
        return match.Groups[1].Value;
    }

    /// <summary>Runs <c>SegmentDashboard users ...</c> with the server's configuration; returns (exit code, stdout, stderr).</summary>
    public async Task<(int ExitCode, string Output, string Error)> UsersCommandAsync(string? standardInput, params string[] arguments)
    {
        var executable = AppServerFixture.FindExecutable();
        var start = new ProcessStartInfo(executable, ["users", .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    /// <summary>A fresh browser context (its own cookies) signed in as <paramref name="user"/> through the /signin form.</summary>
    public async Task<IPage> SignInAsync(string user, string password = Password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString() });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        // The form is filled once the page's scripts have settled (a busy machine loads them late),
        // and signing in is done when the redirect away from /signin has started: the dashboard's
        // own loading is the caller's to wait for.
        await page.GotoAsync("/signin", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByTestId("signin-user").FillAsync(user);
        await page.GetByTestId("signin-password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        return page;
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

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"setup token: (\S+)")]
    private static partial Regex SetupTokenPattern();
}
