using System.Net;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>OIDC mode against a real OpenID Connect provider started on loopback (OpenIddict): sign-in, then ownership as that user.</summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private OidcTestProvider? _provider;
    private AppServerFixture? _app;
    private BrowserFixture? _browser;
    private string? _skipReason;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sd-oidc-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var chromium = BrowserFixture.FindChromium();
        if (chromium is null)
        {
            _skipReason = "Skipped: no Chromium found (/usr/bin/chromium). Set " + BrowserFixture.RequireBrowserVariable + "=1 to make this a failure.";
            return;
        }

        _provider = await OidcTestProvider.StartAsync();
        _app = await AppServerFixture.StartAsync(
            new Dictionary<string, string>
            {
                ["Auth__Mode"] = "oidc",
                ["Auth__Authority"] = _provider.Authority.ToString(),
                ["Auth__ClientId"] = OidcTestProvider.ClientId,
                ["Auth__ClientSecret"] = OidcTestProvider.ClientSecret,
                ["Auth__RequireHttpsMetadata"] = "false",
                ["Storage__Path"] = _folder,
            },
            TimeSpan.FromSeconds(120));
        await _provider.RegisterClientAsync(_app.BaseAddress);
        _browser = await BrowserFixture.LaunchAsync(chromium);
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

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task SignIn_ThroughTheProvider_LandsSignedInAsItsUser_AndOwnsWhatTheySave()
    {
        if (_skipReason is not null)
        {
            if (BrowserFixture.BrowserRequired)
            {
                throw new InvalidOperationException(_skipReason);
            }

            Skip.If(true, _skipReason);
        }

        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app!.BaseAddress })
        {
            var challenge = await anonymous.GetAsync("/analyses");
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            Assert.StartsWith(_provider!.Authority + "connect/authorize", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/analyses")).StatusCode);
        }

        var context = await _browser!.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseAddress.ToString() });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/analyses");
        await page.GetByTestId("signed-in-user").WaitForAsync();

        Assert.Equal(OidcTestProvider.UserName, (await page.GetByTestId("signed-in-user").InnerTextAsync()).Trim());
        Assert.Equal(_app.BaseAddress.Authority, new Uri(page.Url).Authority);
        await page.Locator("[data-testid=saved-list], [data-testid=saved-empty]").First.WaitForAsync();
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "SegmentDashboard.Auth");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
    }
}
