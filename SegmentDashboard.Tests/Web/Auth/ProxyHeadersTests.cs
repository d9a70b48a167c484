using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>Forwarded headers are believed only from Proxy:KnownProxies/KnownNetworks; then an https outside scheme brings HSTS.</summary>
public sealed class ProxyHeadersTests
{
    private static HttpRequestMessage ForwardedHttps() => new(HttpMethod.Get, "/healthz")
    {
        Headers =
        {
            { "X-Forwarded-Proto", "https" },
            { "X-Forwarded-Host", "dashboard.example.com" },
            { "X-Forwarded-For", "203.0.113.9" },
        },
    };

    [Fact]
    public async Task ForwardedHttps_FromAConfiguredProxy_Hsts_FromAnyoneElse_Ignored()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sd-proxy-{Guid.NewGuid():N}");
        await using var trusted = await AppServerFixture.StartAsync(
            new Dictionary<string, string> { ["Storage__Path"] = folder, ["Proxy__KnownNetworks__0"] = "127.0.0.0/8" }, TimeSpan.FromSeconds(120));
        await using var untrusted = await AppServerFixture.StartAsync(
            new Dictionary<string, string> { ["Storage__Path"] = folder }, TimeSpan.FromSeconds(120));
        using var toTrusted = new HttpClient { BaseAddress = trusted.BaseAddress };
        using var toUntrusted = new HttpClient { BaseAddress = untrusted.BaseAddress };

        var behindProxy = await toTrusted.SendAsync(ForwardedHttps());
        var spoofed = await toUntrusted.SendAsync(ForwardedHttps());

        Assert.StartsWith("max-age=", behindProxy.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));
    }
}
