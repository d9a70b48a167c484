using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Tests.Support;
using SegmentDashboard.Tests.Web.EndToEnd;
using Xunit.Abstractions;

namespace SegmentDashboard.Tests.Benchmarks;

/// <summary>
/// Opt-in measurements for BENCHMARKS.md, in Chromium against the real app (its own process, so
/// its peak memory is this test's alone). Skipped unless SEGMENTDASHBOARD_SCALE_TESTS=1, so CI
/// stays fast; run in Release:
/// <c>SEGMENTDASHBOARD_SCALE_TESTS=1 dotnet test SegmentDashboard.Tests -c Release --filter FullyQualifiedName~ScaleMeasurementTests --logger "console;verbosity=detailed"</c>.
/// Figures are printed (and appended to TestResults/scale.jsonl); only correctness is asserted.
/// </summary>
public sealed class ScaleMeasurementTests(ITestOutputHelper output)
{
    public const string ScaleVariable = "SEGMENTDASHBOARD_SCALE_TESTS";

    private const int KChanges = 7;

    /// <summary>k = 3, 5, 7, 9, 11, 13, 15, 2, 4, 6, 8, 10, 12, 14: every k once, each a real change.</summary>
    private static readonly int[] DistinctKs = [3, 5, 7, 9, 11, 13, 15, 2, 4, 6, 8, 10, 12, 14];

    [SkippableFact]
    public async Task Upload_MillionRowCsvThroughTheBrowser_ReachesReadyAndReportsTimeAndPeakMemory()
    {
        var path = CsvFile("SEGMENTDASHBOARD_SCALE_CSV", 1_000_000);
        await using var run = await OpenAsync();
        var page = run.Page;

        var version = await page.RunVersionAsync();
        var watch = Stopwatch.StartNew();
        await page.UploadAsync(path);
        await page.WaitForReadyAsync(version);
        var seconds = watch.Elapsed.TotalSeconds;

        Assert.Contains("1000000 rows", await page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.TestId("error-message").CountAsync());
        await page.NavigateAsync("nav-segments");
        var scatterPoints = await page.ChartPointCountAsync("chart-scatter");
        Report(new()
        {
            ["measure"] = "upload",
            ["file"] = Path.GetFileName(path),
            ["megabytes"] = Math.Round(new FileInfo(path).Length / 1048576.0, 1),
            ["secondsDropToReady"] = Math.Round(seconds, 2),
            ["scatterPoints"] = scatterPoints,
            ["serverPeakRssMb"] = run.ServerMemoryMb("VmHWM"),
            ["serverRssMb"] = run.ServerMemoryMb("VmRSS"),
        });
        Assert.InRange(scatterPoints, 1, 100_000);
        await page.AssertHealthyAsync();
    }

    /// <summary>The demo path: the sample with its default settings, whose results the app warmed at start-up.</summary>
    [SkippableFact]
    public async Task ChangeK_OnTheSample_ReportsMedianLatencyToReady()
    {
        await using var run = await OpenAsync();
        await MeasureKChangesAsync(run, "sample (2,000 rows), default settings (warmed)", DistinctKs);
    }

    /// <summary>The same k changes computed live: another seed, so nothing is cached.</summary>
    [SkippableFact]
    public async Task ChangeK_OnTheSampleComputedLive_ReportsMedianLatencyToReady()
    {
        await using var run = await OpenAsync();
        await run.Page.NavigateAsync("nav-segments");
        var version = await run.Page.RunVersionAsync();
        await run.Page.TestId("seed-input").Locator("input").FillAsync("7");
        await run.Page.TestId("seed-input").Locator("input").PressAsync("Tab");
        await run.Page.WaitForReadyAsync(version);
        await MeasureKChangesAsync(run, "sample (2,000 rows), seed 7 (computed live)", DistinctKs);
    }

    [SkippableFact]
    public async Task ChangeK_OnOneHundredThousandRows_ReportsMedianLatencyToReady()
    {
        var path = CsvFile("SEGMENTDASHBOARD_SCALE_CSV_100K", 100_000);
        await using var run = await OpenAsync();
        var version = await run.Page.RunVersionAsync();
        await run.Page.UploadAsync(path);
        await run.Page.WaitForReadyAsync(version);
        Assert.Contains("100000 rows", await run.Page.TestId("dataset-summary").InnerTextAsync(), StringComparison.Ordinal);

        await MeasureKChangesAsync(run, "100,000 rows", [.. Enumerable.Range(0, KChanges).Select(i => 3 + (i % 5))]);
    }

    private async Task MeasureKChangesAsync(ScaleRun run, string data, int[] ks)
    {
        var page = run.Page;
        await page.NavigateAsync("nav-segments");
        await page.WaitForReadyAsync();
        var latencies = new List<double>();
        foreach (var k in ks)
        {
            var version = await page.RunVersionAsync();
            var watch = Stopwatch.StartNew();
            await page.TestId("k-input").Locator("input[type=number]").FillAsync(k.ToString(CultureInfo.InvariantCulture));
            await page.WaitForReadyAsync(version);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(k.ToString(CultureInfo.InvariantCulture), await page.TestId("metric-segments").Locator(".metric-value").InnerTextAsync());
        }

        latencies.Sort();
        Report(new()
        {
            ["measure"] = "k-change",
            ["data"] = data,
            ["medianMs"] = Math.Round(latencies[latencies.Count / 2], 0),
            ["allMs"] = latencies.Select(ms => Math.Round(ms, 0)).ToArray(),
            ["serverPeakRssMb"] = run.ServerMemoryMb("VmHWM"),
        });
        await page.AssertHealthyAsync();
    }

    private static string CsvFile(string variable, int rows)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        var path = Path.Combine(Path.GetTempPath(), $"segmentdashboard-sample-{rows.ToString(CultureInfo.InvariantCulture)}.csv");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, SampleCustomers.ToCsv(rows));
        }

        return path;
    }

    private static async Task<ScaleRun> OpenAsync()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable(ScaleVariable) == "1", $"Opt-in scale measurement: set {ScaleVariable}=1 (see BENCHMARKS.md).");
        var chromium = BrowserFixture.FindChromium();
        Skip.If(chromium is null, "Skipped: no Chromium found.");
        var app = await AppServerFixture.StartAsync();
        var browser = await BrowserFixture.LaunchAsync(chromium!);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(180_000);
        await page.GotoAsync("/");
        var dashboard = new DashboardPage(page);
        await dashboard.WaitForReadyAsync();
        return new ScaleRun(app, browser, context, dashboard, AppProcessId());
    }

    /// <summary>The app child process of this test process (its executable is the web app's).</summary>
    private static int? AppProcessId()
    {
        var executable = AppServerFixture.FindExecutable();
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == self && new FileInfo(Path.Combine(directory, "exe")).LinkTarget == executable)
                {
                    return int.Parse(Path.GetFileName(directory), CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private void Report(Dictionary<string, object?> figures)
    {
        var line = JsonSerializer.Serialize(figures);
        output.WriteLine(line);
        var directory = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "TestResults")).FullName;
        File.AppendAllText(Path.Combine(directory, "scale.jsonl"), line + Environment.NewLine);
    }

    private sealed record ScaleRun(AppServerFixture App, BrowserFixture Browser, IBrowserContext Context, DashboardPage Page, int? ProcessId) : IAsyncDisposable
    {
        /// <summary>A /proc/PID/status field of the app in MB (VmHWM = peak resident memory), or null.</summary>
        public double? ServerMemoryMb(string field)
        {
            var path = $"/proc/{ProcessId}/status";
            if (ProcessId is null || !File.Exists(path))
            {
                return null;
            }

            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? null : Math.Round(double.Parse(kb, CultureInfo.InvariantCulture) / 1024, 1);
        }

        public async ValueTask DisposeAsync()
        {
            await Context.CloseAsync();
            await Browser.DisposeAsync();
            await App.DisposeAsync();
        }
    }
}
