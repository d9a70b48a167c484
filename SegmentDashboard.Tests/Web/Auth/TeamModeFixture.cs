using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SegmentDashboard.Auth;
using SegmentDashboard.Storage;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>
/// The app on TestServer in team mode with local accounts (Auth:Mode=local) on its own temporary
/// database: users ana and bob (plain users) and root (administrator), each with an access token.
/// </summary>
public sealed class TeamModeFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sd-team-{Guid.NewGuid():N}");

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public string AnaToken { get; private set; } = string.Empty;

    public string BobToken { get; private set; } = string.Empty;

    public string RootToken { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Testing")
            .UseSetting("Storage:Path", Folder)
            .UseSetting("Auth:Mode", "local"));
        var services = Factory.Services;
        await using var scope = services.CreateAsyncScope();
        foreach (var (name, admin) in new[] { ("ana", false), ("bob", false), ("root", true) })
        {
            var created = await UserAccounts.CreateAsync(scope.ServiceProvider, name, Password, admin);
            Assert.True(created.Succeeded, UserAccounts.Describe(created));
        }

        var tokens = services.GetRequiredService<AccessTokenStore>();
        AnaToken = (await tokens.CreateAsync("ana", "tests")).Secret;
        BobToken = (await tokens.CreateAsync("bob", "tests")).Secret;
        RootToken = (await tokens.CreateAsync("root", "tests")).Secret;
    }

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="token"/></c> (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Saves a small analysis as the token's user; returns its id.</summary>
    public async Task<string> SaveAsync(string token, string name)
    {
        using var client = Client(token);
        var response = await client.PostAsync($"/api/analyses?name={Uri.EscapeDataString(name)}&features=Age,Income,Score&k=3&seed=5", ApiTestData.Csv(ApiTestData.Customers()));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await ApiTestData.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
