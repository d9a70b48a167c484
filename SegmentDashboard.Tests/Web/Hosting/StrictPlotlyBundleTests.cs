using System.Net;
using System.Security.Cryptography;
using SegmentDashboard.Components.Charts;
using SegmentDashboard.Hosting;
using SegmentDashboard.Tests.Support;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Hosting;

/// <summary>
/// Plotly.Blazor loads plotly.js from its own fixed path; the app must serve the vendored strict
/// bundle there (the regular one needs 'unsafe-eval' for WebGL). If a Plotly.Blazor upgrade moves
/// the path, or the vendored file changes without its README, these fail.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StrictPlotlyBundleTests(ApiFixture fixture)
{
    /// <summary>wwwroot-assets/plotly/plotly-strict.min.js: npm plotly.js-strict-dist-min 3.7.0 (wwwroot-assets/README.md).</summary>
    private const string StrictSha256 = "ca8715e7e348e1d56fb5d31575c7850b5cdd277f601bf047c0fefc4172e2957b";

    private const int StrictLength = 5_194_532;

    [Fact]
    public async Task PlotlyBlazorsPath_Get_ServesTheVendoredStrictBundle()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(StrictPlotlyBundle.PlotlyBlazorPath);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StrictLength, bytes.Length);
        Assert.Equal(StrictSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.StartsWith("/**\n* plotly.js (strict - minified) v3.7.0", System.Text.Encoding.UTF8.GetString(bytes, 0, 64), StringComparison.Ordinal);
    }

    [Fact]
    public void VendoredFile_IsTheOneTheReadmeNames()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "wwwroot-assets", "plotly", "plotly-strict.min.js");
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "wwwroot-assets", "README.md"));

        Assert.Equal(StrictSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        Assert.Contains(StrictSha256, readme, StringComparison.Ordinal);
        Assert.Contains("\"plotly.js-strict-dist-min\": \"3.7.0\"", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "wwwroot-assets", "package.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void PlotlyBlazor_LoadsPlotlyFromThePathTheRewriteServes()
    {
        // Plotly.Blazor's package ships the regular bundle under this name: if an upgrade renames it
        // (another plotly.js version), the rewrite and the preload must follow.
        var assembly = typeof(Plotly.Blazor.PlotlyChart).Assembly;
        var version = assembly.GetName().Version!;

        Assert.Equal(new Version(7, 2, 0, 0), version);
        Assert.Equal("/_content/Plotly.Blazor/plotly-3.7.0.min.js", StrictPlotlyBundle.PlotlyBlazorPath);
        Assert.Equal("." + StrictPlotlyBundle.PlotlyBlazorPath, ChartEngine.PlotlyPath);
    }

    [Fact]
    public async Task StrictPath_Get_IsTheSameFile()
    {
        using var client = fixture.CreateClient();

        var viaPlotlyBlazor = await client.GetByteArrayAsync(StrictPlotlyBundle.PlotlyBlazorPath);
        var direct = await client.GetByteArrayAsync(StrictPlotlyBundle.StrictPath);

        Assert.Equal(SHA256.HashData(direct), SHA256.HashData(viaPlotlyBlazor));
    }
}
