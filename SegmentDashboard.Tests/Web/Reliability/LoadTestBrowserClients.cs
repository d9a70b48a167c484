using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>
/// The browser half of the load test (docs/LOADTEST.md): a few Chromium contexts keep changing k
/// on an app that is already running (SEGMENTDASHBOARD_LOAD_URL, a loopback address) while the
/// `loadtest` API clients run. Opt-in: runs only with SEGMENTDASHBOARD_LOAD_TEST=1. Bounded by
/// SEGMENTDASHBOARD_LOAD_SECONDS (default 60, at most 600) and SEGMENTDASHBOARD_LOAD_CONTEXTS (default 3, at most 8).
/// </summary>
public sealed class LoadTestBrowserClients
{
    [SkippableFact]
    public async Task LoadTest_BrowserContextsChangingK_AllRunsReadyWithoutErrors()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SEGMENTDASHBOARD_LOAD_TEST") == "1", "Load test: set SEGMENTDASHBOARD_LOAD_TEST=1 and SEGMENTDASHBOARD_LOAD_URL.");
        var url = new Uri(Environment.GetEnvironmentVariable("SEGMENTDASHBOARD_LOAD_URL") ?? throw new InvalidOperationException("Set SEGMENTDASHBOARD_LOAD_URL."));
        Assert.True(url.IsLoopback, "The load test only targets loopback addresses.");
        var seconds = Math.Clamp(Number("SEGMENTDASHBOARD_LOAD_SECONDS", 60), 1, 600);
        var contexts = Math.Clamp(Number("SEGMENTDASHBOARD_LOAD_CONTEXTS", 3), 1, 8);
        var chromium = BrowserFixture.FindChromium() ?? throw new InvalidOperationException("No Chromium.");
        await using var browser = await BrowserFixture.LaunchAsync(chromium);
        var latencies = new List<double>();
        var errors = new List<string>();
        var deadline = Stopwatch.StartNew();

        async Task User(int index)
        {
            await using var session = await ReliabilitySession.OpenAsync(browser.Browser, url);
            await session.Dashboard.WaitForReadyAsync();
            await session.Dashboard.NavigateAsync("nav-segments");
            var k = 2 + index;
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                k = k >= 8 ? 2 : k + 1;
                var watch = Stopwatch.StartNew();
                try
                {
                    await session.SetKAsync(k);
                    var shown = await session.Dashboard.TestId("metric-segments").Locator(".metric-value").InnerTextAsync();
                    if (shown != k.ToString(CultureInfo.InvariantCulture))
                    {
                        throw new InvalidOperationException($"k={k} but the dashboard shows {shown}");
                    }

                    lock (latencies)
                    {
                        latencies.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
                {
                    lock (errors)
                    {
                        errors.Add($"context {index}: {ex.Message}");
                    }
                }
            }

            await session.AssertHealthyAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, contexts).Select(User));

        latencies.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"contexts\":{contexts},\"seconds\":{deadline.Elapsed.TotalSeconds:0.0},\"kChanges\":{latencies.Count},\"errors\":{errors.Count},\"p50Ms\":{Percentile(latencies, 0.5):0},\"p95Ms\":{Percentile(latencies, 0.95):0},\"maxMs\":{(latencies.Count == 0 ? 0 : latencies[^1]):0}}}"));
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.NotEmpty(latencies);
    }

    private static int Number(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
