using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Web.EndToEnd;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>
/// Team mode end to end (real process, real browser, local accounts): first administrator via the
/// setup token, users and tokens via the command line, sign-in through the form, two users who
/// neither see nor open nor rename nor delete each other's analyses in the UI, a shared analysis
/// read-only, a capability link created in the UI.
/// </summary>
[Collection(TeamModeCollection.Name)]
public sealed class TeamModeEndToEndTests(TeamModeAppFixture fixture)
{
    private HttpClient Api(string? token)
    {
        var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<string> SaveAsync(string token, string name)
    {
        using var client = Api(token);
        var response = await client.PostAsync($"/api/analyses?name={Uri.EscapeDataString(name)}&features=Age,Income,Score&k=3&seed=5", ApiTestData.Csv(ApiTestData.Customers()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiTestData.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    private static async Task<string[]> SavedIdsAsync(IPage page)
    {
        await page.GotoAsync("/analyses");
        await page.Locator("[data-testid=saved-list], [data-testid=saved-empty]").First.WaitForAsync();
        return [.. (await page.GetByTestId("saved-row").AllAsync()).Select(row => row.GetAttributeAsync("data-id").GetAwaiter().GetResult()!)];
    }

    [SkippableFact]
    public async Task TeamMode_SetupCliSignInOwnershipSharingAndLinks()
    {
        fixture.RequireBrowser();

        // Unauthenticated: pages redirect to sign-in, the API says 401.
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress })
        {
            var home = await anonymous.GetAsync("/analyses");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.StartsWith("/signin", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/analyses")).StatusCode);
        }

        // First administrator through /setup with the printed one-time token.
        var setupContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseAddress.ToString() });
        setupContext.SetDefaultTimeout(60_000);
        var setup = await setupContext.NewPageAsync();
        await setup.GotoAsync("/setup");
        await setup.GetByTestId("setup-token").FillAsync(fixture.SetupToken());
        await setup.GetByTestId("setup-user").FillAsync("root");
        await setup.GetByTestId("setup-password").FillAsync(TeamModeAppFixture.Password);
        await setup.GetByTestId("setup-submit").ClickAsync();
        await setup.GetByTestId("signed-in-user").WaitForAsync();
        Assert.Equal("root (admin)", (await setup.GetByTestId("signed-in-user").InnerTextAsync()).Trim());
        var cookie = (await setupContext.CookiesAsync()).Single(c => c.Name == "SegmentDashboard.Auth");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);

        // The token is spent.
        await setup.GotoAsync("/setup");
        await setup.GetByTestId("setup-done").WaitForAsync();

        // Users and tokens from the command line, password on standard input.
        Assert.Equal(0, (await fixture.UsersCommandAsync(TeamModeAppFixture.Password, "add", "ana")).ExitCode);
        Assert.Equal(0, (await fixture.UsersCommandAsync(TeamModeAppFixture.Password, "add", "bob")).ExitCode);
        var duplicate = await fixture.UsersCommandAsync(TeamModeAppFixture.Password, "add", "bob");
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("bob", duplicate.Error, StringComparison.Ordinal);
        var anaToken = (await fixture.UsersCommandAsync(null, "token", "ana")).Output;
        var bobToken = (await fixture.UsersCommandAsync(null, "token", "bob")).Output;
        Assert.StartsWith("sdp_", anaToken, StringComparison.Ordinal);

        var anas = await SaveAsync(anaToken, "Ana's Q3 segments");
        var bobs = await SaveAsync(bobToken, "Bob's churn segments");

        // Each sees only their own on the Saved page, and cannot open the other's by id.
        var ana = await fixture.SignInAsync("ana");
        var bob = await fixture.SignInAsync("bob");
        Assert.Equal([anas], await SavedIdsAsync(ana));
        Assert.Equal([bobs], await SavedIdsAsync(bob));
        var bobOpensAnas = await bob.GotoAsync($"/a/{anas}");
        Assert.Equal(404, bobOpensAnas!.Status);
        Assert.DoesNotContain("Ana", await bob.ContentAsync(), StringComparison.Ordinal);

        // Ana shares with bob through the Share dialog: bob sees it read-only (rename and delete disabled, no Share).
        await SavedIdsAsync(ana);
        await ana.GetByTestId("share-analysis").ClickAsync();
        await ana.Locator("input[data-testid=share-user], [data-testid=share-user] input").First.FillAsync("bob");
        await ana.GetByTestId("share-user-submit").ClickAsync();
        await ana.GetByTestId("shared-with").Filter(new LocatorFilterOptions { HasText = "bob" }).WaitForAsync();
        var bobSees = await SavedIdsAsync(bob);
        Assert.Contains(anas, bobSees);
        var sharedRow = bob.Locator($"[data-testid=saved-row][data-id='{anas}']");
        Assert.True(await sharedRow.GetByTestId("rename-analysis").IsDisabledAsync());
        Assert.True(await sharedRow.GetByTestId("delete-analysis").IsDisabledAsync());
        Assert.Equal(0, await sharedRow.GetByTestId("share-analysis").CountAsync());
        var bobOpensShared = await bob.GotoAsync($"/a/{anas}");
        Assert.Equal(200, bobOpensShared!.Status);
        await bob.GetByTestId("segment-card").First.WaitForAsync();
        using (var bobApi = Api(bobToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await bobApi.DeleteAsync($"/api/analyses/{anas}")).StatusCode);
        }

        // A link without data, created in the UI, opens for someone not signed in, without the rows' exports.
        await ana.Locator("[data-testid=link-create]").ClickAsync();
        var link = (await ana.GetByTestId("new-link").InnerTextAsync()).Trim();
        Assert.Matches("/a/[A-Za-z0-9_-]{43}$", link);
        var strangerContext = await fixture.Browser.NewContextAsync();
        strangerContext.SetDefaultTimeout(60_000);
        var stranger = await strangerContext.NewPageAsync();
        var opened = await stranger.GotoAsync(link);
        Assert.Equal(200, opened!.Status);
        await stranger.GetByTestId("segment-card").First.WaitForAsync();
        await stranger.GetByTestId("no-data-notice").WaitForAsync();
        Assert.Equal(0, await stranger.GetByTestId("export-csv").CountAsync());

        // Revoked in the UI: 404.
        await ana.GetByTestId("link-revoke").ClickAsync();
        await ana.GetByTestId("link-state").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^revoked") }).WaitForAsync();
        var revoked = await stranger.GotoAsync(link);
        Assert.Equal(404, revoked!.Status);

        // The owner's audit trail, in the dialog, names what happened.
        await ana.GetByTestId("audit-action").Filter(new LocatorFilterOptions { HasText = "link-revoked" }).WaitForAsync();
        var request = fixture.App.Log;
        Assert.Contains($"user=bob analysis={anas}", request, StringComparison.Ordinal);
        Assert.DoesNotContain(link[^43..], request, StringComparison.Ordinal);

        // Each signed-in user's browser session holds only their own upload.
        await ana.GotoAsync("/");
        await bob.GotoAsync("/");
        var anaDashboard = new DashboardPage(ana);
        var bobDashboard = new DashboardPage(bob);
        await anaDashboard.WaitForReadyAsync();
        await bobDashboard.WaitForReadyAsync();
        await anaDashboard.WaitForFileInputAsync("upload");
        var run = await anaDashboard.RunVersionAsync();
        await ana.GetByTestId("upload").SetInputFilesAsync(new FilePayload { Name = "ana-customers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(ApiTestData.Customers()) });
        await anaDashboard.WaitForReadyAsync(run);
        Assert.Equal("ana-customers.csv", (await ana.Locator(".dataset-chip-name").InnerTextAsync()).Trim());
        Assert.NotEqual("ana-customers.csv", (await bob.Locator(".dataset-chip-name").InnerTextAsync()).Trim());

        // Sign-out (an antiforgery-checked POST) ends the session: pages ask for sign-in again.
        await bob.GetByTestId("sign-out").ClickAsync();
        await bob.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await bob.GotoAsync("/analyses");
        Assert.Contains("/signin", bob.Url, StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name)]
public sealed class TeamModeCollection : ICollectionFixture<TeamModeAppFixture>
{
    public const string Name = "Team mode app";
}
