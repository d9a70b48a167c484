using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Auth;

/// <summary>The real app process: refuses 0.0.0.0 in personal mode with a message naming what to set; starts on loopback with no sign-in.</summary>
public sealed class StartupProcessTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Start_OnAllInterfacesInPersonalMode_ExitsWithMessage_AndNeverListens()
    {
        var executable = AppServerFixture.FindExecutable();
        var port = FreePort();
        var start = new ProcessStartInfo(executable, ["--urls", $"http://0.0.0.0:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Path"] = Path.Combine(Path.GetTempPath(), $"sd-guard-{Guid.NewGuid():N}");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var error = await stderr;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains($"http://0.0.0.0:{port}", error, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnLoopbackInPersonalMode_ServesTheApiWithoutSignIn()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sd-loop-{Guid.NewGuid():N}");
        await using var app = await AppServerFixture.StartAsync(new Dictionary<string, string> { ["Storage__Path"] = folder }, TimeSpan.FromSeconds(120));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var list = await client.GetAsync("/api/analyses");
        var home = await client.GetAsync("/");
        var ready = await client.GetStringAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("Healthy", ready);
    }
}
