using Microsoft.Extensions.DependencyInjection;
using System.Net;
using SegmentDashboard.Storage;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>Two users in team mode (local accounts) through the API: neither sees, opens, renames or deletes the other's analyses.</summary>
public sealed class TeamModeApiTests(TeamModeFixture fixture) : IClassFixture<TeamModeFixture>
{
    private static async Task<string[]> ListedIdsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/analyses");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiTestData.ReadJsonAsync(response)).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
    }

    [Fact]
    public async Task List_TwoUsers_EachSeesOnlyTheirOwn_AdminSeesBoth()
    {
        var anas = await fixture.SaveAsync(fixture.AnaToken, "ana's segments");
        var bobs = await fixture.SaveAsync(fixture.BobToken, "bob's segments");
        using var ana = fixture.Client(fixture.AnaToken);
        using var bob = fixture.Client(fixture.BobToken);
        using var root = fixture.Client(fixture.RootToken);

        var anaSees = await ListedIdsAsync(ana);
        var bobSees = await ListedIdsAsync(bob);
        var rootSees = await ListedIdsAsync(root);

        Assert.Contains(anas, anaSees);
        Assert.DoesNotContain(bobs, anaSees);
        Assert.Contains(bobs, bobSees);
        Assert.DoesNotContain(anas, bobSees);
        Assert.Contains(anas, rootSees);
        Assert.Contains(bobs, rootSees);
    }

    [Fact]
    public async Task OpenRenameDelete_AnotherUsersAnalysis_404WithoutLeaking_AndNothingChanges()
    {
        var anas = await fixture.SaveAsync(fixture.AnaToken, "private to ana");
        using var bob = fixture.Client(fixture.BobToken);
        using var ana = fixture.Client(fixture.AnaToken);

        var open = await bob.GetAsync($"/api/analyses/{anas}");
        var rename = await bob.PatchAsync($"/api/analyses/{anas}?name=hacked", null);
        var delete = await bob.DeleteAsync($"/api/analyses/{anas}");
        var unknown = await bob.DeleteAsync("/api/analyses/doesnotexist");

        var openDetail = await ApiTestData.AssertProblemAsync(open, 404);
        await ApiTestData.AssertProblemAsync(rename, 404);
        await ApiTestData.AssertProblemAsync(delete, 404);
        var unknownDetail = await ApiTestData.AssertProblemAsync(unknown, 404);
        Assert.Equal(openDetail.Replace(anas, "X", StringComparison.Ordinal), unknownDetail.Replace("doesnotexist", "X", StringComparison.Ordinal));
        var stillThere = await ana.GetAsync($"/api/analyses/{anas}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        var list = await ApiTestData.ReadJsonAsync(await ana.GetAsync("/api/analyses"));
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("id").GetString() == anas && e.GetProperty("name").GetString() == "private to ana");
    }

    [Fact]
    public async Task RenameAndDelete_ByTheOwner_204()
    {
        var anas = await fixture.SaveAsync(fixture.AnaToken, "to rename");
        using var ana = fixture.Client(fixture.AnaToken);

        var rename = await ana.PatchAsync($"/api/analyses/{anas}?name=renamed%20by%20ana", null);
        var listed = await ApiTestData.ReadJsonAsync(await ana.GetAsync("/api/analyses"));
        var delete = await ana.DeleteAsync($"/api/analyses/{anas}");
        var gone = await ana.GetAsync($"/api/analyses/{anas}");

        Assert.Equal(HttpStatusCode.NoContent, rename.StatusCode);
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("id").GetString() == anas && e.GetProperty("name").GetString() == "renamed by ana");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Shared_VisibleToTheOtherUser_ReadOnly_403OnChanges()
    {
        var anas = await fixture.SaveAsync(fixture.AnaToken, "shared with bob");
        using var ana = fixture.Client(fixture.AnaToken);
        using var bob = fixture.Client(fixture.BobToken);

        var share = await ana.PostAsync($"/api/analyses/{anas}/shares/bob", null);
        var bobSees = await ListedIdsAsync(bob);
        var bobOpens = await bob.GetAsync($"/api/analyses/{anas}");
        var bobRenames = await bob.PatchAsync($"/api/analyses/{anas}?name=mine", null);
        var bobDeletes = await bob.DeleteAsync($"/api/analyses/{anas}");
        var bobLinks = await bob.PostAsync($"/api/analyses/{anas}/links", null);
        var bobReshares = await bob.PostAsync($"/api/analyses/{anas}/shares/root", null);

        Assert.Equal(HttpStatusCode.NoContent, share.StatusCode);
        Assert.Contains(anas, bobSees);
        Assert.Equal(HttpStatusCode.OK, bobOpens.StatusCode);
        Assert.Equal(3, (await ApiTestData.ReadJsonAsync(bobOpens)).GetProperty("k").GetInt32());
        await ApiTestData.AssertProblemAsync(bobRenames, 403);
        await ApiTestData.AssertProblemAsync(bobDeletes, 403);
        await ApiTestData.AssertProblemAsync(bobLinks, 403);
        await ApiTestData.AssertProblemAsync(bobReshares, 403);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync($"/api/analyses/{anas}")).StatusCode);
    }

    [Fact]
    public async Task Share_WithAnUnknownUser_400NamingTheUser()
    {
        var anas = await fixture.SaveAsync(fixture.AnaToken, "share with nobody");
        using var ana = fixture.Client(fixture.AnaToken);

        var response = await ana.PostAsync($"/api/analyses/{anas}/shares/nobody", null);

        Assert.Contains("nobody", await ApiTestData.AssertProblemAsync(response, 400), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/analyses")]
    [InlineData("GET", "/api/analyses/abc")]
    [InlineData("DELETE", "/api/analyses/abc")]
    [InlineData("POST", "/api/segment")]
    [InlineData("POST", "/api/export/labeled-csv")]
    [InlineData("GET", "/api/audit")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task Api_WithoutToken_401ProblemJsonAndBearerChallenge(string method, string path)
    {
        using var anonymous = fixture.Client(null);

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : ApiTestData.Csv(ApiTestData.Customers()) });

        await ApiTestData.AssertProblemAsync(response, 401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task OpenApiDocument_WithToken_200()
    {
        using var ana = fixture.Client(fixture.AnaToken);

        var response = await ana.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/segment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithUnknownOrRevokedToken_401()
    {
        var tokens = fixture.Factory.Services.GetRequiredService<AccessTokenStore>();
        var created = await tokens.CreateAsync("ana", "to revoke");
        using var withRevoked = fixture.Client(created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await withRevoked.GetAsync("/api/analyses")).StatusCode);

        Assert.True(await tokens.RevokeAsync("ana", created.Token.Id));
        var revoked = await withRevoked.GetAsync("/api/analyses");
        using var forged = fixture.Client(AccessTokenStore.Prefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var unknown = await forged.GetAsync("/api/analyses");

        await ApiTestData.AssertProblemAsync(revoked, 401);
        await ApiTestData.AssertProblemAsync(unknown, 401);
    }

    [Theory]
    [InlineData("/api/sample.csv")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task PublicEndpoints_WithoutToken_200(string path)
    {
        using var anonymous = fixture.Client(null);

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthEndpoints_SayOnlyHealthy()
    {
        using var anonymous = fixture.Client(null);

        Assert.Equal("Healthy", await anonymous.GetStringAsync("/healthz"));
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Audit_OwnerSeesTheTrail_OtherUser404_AdminSeesEverything()
    {
        var anas = await fixture.SaveAsync(fixture.AnaToken, "audited");
        using var ana = fixture.Client(fixture.AnaToken);
        using var bob = fixture.Client(fixture.BobToken);
        using var root = fixture.Client(fixture.RootToken);
        await ana.GetAsync($"/api/analyses/{anas}");
        await ana.PostAsync($"/api/analyses/{anas}/shares/bob", null);
        var link = await ApiTestData.ReadJsonAsync(await ana.PostAsync($"/api/analyses/{anas}/links", null));
        await ana.DeleteAsync($"/api/analyses/{anas}/links/{link.GetProperty("id").GetString()}");

        var trail = await ApiTestData.ReadJsonAsync(await ana.GetAsync($"/api/analyses/{anas}/audit"));
        var bobTrail = await bob.GetAsync($"/api/analyses/{anas}/audit");
        var bobAll = await bob.GetAsync("/api/audit");
        var all = await ApiTestData.ReadJsonAsync(await root.GetAsync("/api/audit"));

        var actions = trail.EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).Reverse().ToArray();
        Assert.Equal(
            [("ana", AuditActions.Created), ("ana", AuditActions.Opened), ("ana", AuditActions.Shared), ("ana", AuditActions.LinkCreated), ("ana", AuditActions.LinkRevoked)],
            actions);
        await ApiTestData.AssertProblemAsync(bobTrail, 403);
        await ApiTestData.AssertProblemAsync(bobAll, 403);
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("analysisId").GetString() == anas && e.GetProperty("action").GetString() == AuditActions.Created);
    }
}
