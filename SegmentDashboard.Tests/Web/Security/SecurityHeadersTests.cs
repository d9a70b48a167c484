using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SegmentDashboard.Security;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Security;

[Collection(ApiCollection.Name)]
public sealed class SecurityHeadersTests
{
    private readonly ApiFixture _fixture;

    public SecurityHeadersTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/api/sample.csv")]
    [InlineData("POST", "/api/segment?k=1")]
    [InlineData("GET", "/no-such-page")]
    public async Task Response_AnyPathOrStatus_CarriesTheSecurityHeaders(string method, string path)
    {
        using var client = _fixture.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = ApiTestData.Csv("a,b\n1,2\n3,4\n");
        }

        using var response = await client.SendAsync(request);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ErrorResponse_400_CarriesTheSecurityHeaders()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment?algorithm=nope", ApiTestData.Csv("a,b\n1,2\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public void ContentSecurityPolicy_OwnScriptsOnly_WithWhatBlazorAndPlotlyNeed()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self' 'unsafe-inline'", directives["style-src"]);
        Assert.Equal("'self' data: blob:", directives["img-src"]);
        Assert.Equal("'self' ws: wss:", directives["connect-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_TestHost_NoServerBanner()
    {
        using var client = _fixture.CreateClient();

        using var response = await client.GetAsync("/api/sample.csv");

        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public void Kestrel_ServerHeaderSwitchedOff()
    {
        var options = _fixture.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(options.AddServerHeader);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Empty(response.Headers.Server);
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        var found = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values);
        Assert.True(found, $"Header {name} is missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}.");
        return Assert.Single(values!);
    }
}
