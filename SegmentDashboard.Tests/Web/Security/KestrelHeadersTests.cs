using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Security;

/// <summary>
/// The app's registrations and middleware on a real Kestrel server (loopback, free port):
/// TestServer never writes a Server header, so only a real server shows the banner is off.
/// </summary>
public sealed class KestrelHeadersTests
{
    [Fact]
    public async Task RealServer_NoServerBannerAndSecurityHeaders()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSegmentDashboard();
        await using var app = builder.Build();
        app.UseSegmentDashboard();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var ok = await client.PostAsync("/api/segment?k=1", ApiTestData.Csv("a,b\n1,2\n"));
        using var missing = await client.GetAsync("/no-such-path");

        Assert.Equal(HttpStatusCode.BadRequest, ok.StatusCode);
        SecurityHeadersTests.AssertSecurityHeaders(ok);
        Assert.Empty(missing.Headers.Server);
        await app.StopAsync();
    }
}
