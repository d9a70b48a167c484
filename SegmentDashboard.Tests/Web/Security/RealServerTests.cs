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
public sealed class RealServerTests
{
    [Fact]
    public async Task RealServer_NoServerBannerAndSecurityHeaders()
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(Address(app)) };

        using var ok = await client.PostAsync("/api/segment?k=1", ApiTestData.Csv("a,b\n1,2\n"));
        using var missing = await client.GetAsync("/no-such-path");

        Assert.Equal(HttpStatusCode.BadRequest, ok.StatusCode);
        SecurityHeadersTests.AssertSecurityHeaders(ok);
        Assert.Empty(missing.Headers.Server);
        await app.StopAsync();
    }

    [Fact]
    public async Task RealServer_UploadsOverTheLimit_RefusedWithoutReadingThemWhole()
    {
        await using var app = await StartAsync(("Upload:MaxBytes", "1000"));
        // The client waits for the server's answer to Expect: 100-continue as long as it takes (the
        // default is 1 s, after which it sends the body anyway: a busy test machine is not a failure).
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(Address(app)) };
        var block = System.Text.Encoding.UTF8.GetBytes("Age,Income\n" + string.Concat(Enumerable.Repeat("31,45\n", 500)));

        // Content-Length over the limit with Expect: 100-continue: refused before any body byte is sent.
        var declared = new GeneratedCsvStream(block, repeat: 2_000);
        var declaredContent = declared.ToContent();
        declaredContent.Headers.ContentLength = declared.TotalBytes;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/segment?k=3") { Content = declaredContent };
        request.Headers.ExpectContinue = true;
        using (var response = await client.SendAsync(request))
        {
            await ApiTestData.AssertProblemAsync(response, 413);
        }

        Assert.Equal(0, declared.BytesRead);

        // Chunked: the server stops reading past the limit and answers 413 (HTTP/1.1 then closes the
        // connection, which a client still sending may see as a broken pipe instead of the answer).
        // 300 MB offered, generated as it is read: a tenth of it is far more than loopback socket
        // buffers can swallow before the server's 413 arrives, far less than reading it whole.
        var chunked = new GeneratedCsvStream(block, repeat: 100_000);
        using var second = new HttpClient { BaseAddress = new Uri(Address(app)) };
        try
        {
            using var response = await second.PostAsync("/api/segment?k=3", chunked.ToContent());
            await ApiTestData.AssertProblemAsync(response, 413);
        }
        catch (HttpRequestException)
        {
        }

        Assert.True(chunked.BytesRead < chunked.TotalBytes / 10, $"The client got to send {chunked.BytesRead} of {chunked.TotalBytes} bytes.");
        await app.StopAsync();
    }

    private static async Task<WebApplication> StartAsync(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddSegmentDashboard();
        var app = builder.Build();
        app.UseSegmentDashboard();
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
