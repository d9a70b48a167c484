using Microsoft.Extensions.DependencyInjection;
using System.Net;
using SegmentDashboard.Storage;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>Capability links /a/{token} in team mode: open for anyone holding them; revoked, expired or unknown answer 404 with no hint.</summary>
public sealed class ShareLinkTests(TeamModeFixture fixture) : IClassFixture<TeamModeFixture>
{
    private async Task<(string Id, string Token, string LinkId)> LinkAsync(string name, string query = "")
    {
        var id = await fixture.SaveAsync(fixture.AnaToken, name);
        using var ana = fixture.Client(fixture.AnaToken);
        var response = await ana.PostAsync($"/api/analyses/{id}/links{query}", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await ApiTestData.ReadJsonAsync(response);
        return (id, json.GetProperty("token").GetString()!, json.GetProperty("id").GetString()!);
    }

    private static async Task<string> AssertNotFoundWithoutHintAsync(HttpResponseMessage response, params string[] secrets)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("revoked", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expired", body, StringComparison.OrdinalIgnoreCase);
        return body;
    }

    [Fact]
    public async Task Token_Is256BitsOfBase64Url_AndDiffersEachTime()
    {
        var first = await LinkAsync("token shape 1");
        var second = await LinkAsync("token shape 2");

        Assert.Matches("^[A-Za-z0-9_-]{43}$", first.Token);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task Link_OpensForAnonymous_ThenRevoked_404LikeAnUnknownOne()
    {
        var (id, token, linkId) = await LinkAsync("revocable");
        using var anonymous = fixture.Client(null);
        using var ana = fixture.Client(fixture.AnaToken);

        var before = await anonymous.GetAsync($"/a/{token}");
        var revoke = await ana.DeleteAsync($"/api/analyses/{id}/links/{linkId}");
        var after = await anonymous.GetAsync($"/a/{token}");
        var unknown = await anonymous.GetAsync("/a/" + SecretTokens.New());

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var revokedBody = await AssertNotFoundWithoutHintAsync(after, id, "revocable");
        var unknownBody = await AssertNotFoundWithoutHintAsync(unknown);
        Assert.Equal(unknownBody, revokedBody);
    }

    [Fact]
    public async Task Link_PastItsExpiry_404()
    {
        var id = await fixture.SaveAsync(fixture.AnaToken, "expiring");
        var sharing = fixture.Factory.Services.GetRequiredService<SharingStore>();
        var expired = await sharing.CreateLinkAsync(id, includeData: false, DateTimeOffset.UtcNow.AddMinutes(-1), "ana");
        var current = await sharing.CreateLinkAsync(id, includeData: false, DateTimeOffset.UtcNow.AddHours(1), "ana");
        using var anonymous = fixture.Client(null);

        var expiredResponse = await anonymous.GetAsync(expired.Path);
        var currentResponse = await anonymous.GetAsync(current.Path);

        await AssertNotFoundWithoutHintAsync(expiredResponse, id, "expiring");
        Assert.Equal(HttpStatusCode.OK, currentResponse.StatusCode);
    }

    [Fact]
    public async Task AnalysisId_IsNotACapability_404ForAnonymousAndOtherUsers_200ForTheOwner()
    {
        var id = await fixture.SaveAsync(fixture.AnaToken, "by id");
        using var anonymous = fixture.Client(null);
        using var bob = fixture.Client(fixture.BobToken);
        using var ana = fixture.Client(fixture.AnaToken);

        await AssertNotFoundWithoutHintAsync(await anonymous.GetAsync($"/a/{id}"), id);
        await AssertNotFoundWithoutHintAsync(await bob.GetAsync($"/a/{id}"), id);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync($"/a/{id}")).StatusCode);
    }

    [Fact]
    public async Task LinkWithExpiry_ApiValidatesHours()
    {
        var id = await fixture.SaveAsync(fixture.AnaToken, "bad expiry");
        using var ana = fixture.Client(fixture.AnaToken);

        var response = await ana.PostAsync($"/api/analyses/{id}/links?expiresHours=-3", null);

        Assert.Contains("expiresHours", await ApiTestData.AssertProblemAsync(response, 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageAccess_WithoutIncludeData_SaysNoRows_WithIncludeData_Rows()
    {
        var (_, withoutData, _) = await LinkAsync("no rows");
        var (_, withData, _) = await LinkAsync("rows", "?includeData=true");
        var analyses = fixture.Factory.Services.GetRequiredService<OwnedAnalyses>();

        var without = await analyses.ResolvePageAsync(null, withoutData);
        var with = await analyses.ResolvePageAsync(null, withData);

        Assert.False(without!.IncludeData);
        Assert.True(with!.IncludeData);
        Assert.Equal(AnalysisAccess.Read, without.Access);
    }
}
