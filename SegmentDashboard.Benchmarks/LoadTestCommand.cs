using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SegmentDashboard.Benchmarks;

/// <summary>
/// <c>loadtest --url http://127.0.0.1:PORT --input FILE.csv [--clients 8] [--seconds 60] [--query "k=4"]... [--server-pid PID]</c>:
/// N concurrent clients POST the file to /api/segment for a bounded time (client i uses the
/// (i mod count)-th --query, so heavy mixes such as wide-eps DBSCAN and average linkage run
/// together) and print one JSON line with request count, statuses, errors, p50/p95/max latency
/// and, given the server's pid, its peak memory. A 429 with Retry-After is the server protecting
/// itself, not an error; a 5xx, a dropped connection or a 429 without Retry-After is.
/// Loopback only: any other host is refused.
/// </summary>
public static class LoadTestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: loadtest --url http://127.0.0.1:PORT --input FILE.csv [--clients 8] [--seconds 60] [--query k=4] [--server-pid PID]");
            return 2;
        }

        var (url, input, clients, seconds, queries, serverPid) = options.Value;
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine($"Refusing to load-test {url.Host}: only loopback addresses are allowed.");
            return 2;
        }

        var body = await File.ReadAllBytesAsync(input);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(600) };
        var latencies = new List<double>();
        var statuses = new Dictionary<int, int>();
        var failures = 0;
        var throttled = 0;
        var gate = new object();
        var deadline = Stopwatch.StartNew();
        var baselineMb = ServerMemoryMb(serverPid, "VmRSS");

        async Task Client(string query)
        {
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                var watch = Stopwatch.StartNew();
                int status;
                var retryAfter = false;
                try
                {
                    using var response = await http.PostAsync($"/api/segment?{query}", content);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                    retryAfter = response.Headers.RetryAfter is not null;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                catch (TaskCanceledException)
                {
                    status = 0;
                }

                lock (gate)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (status == 429 && retryAfter)
                    {
                        throttled++;
                    }
                    else if (status != 200)
                    {
                        failures++;
                    }
                }

                if (status == 429)
                {
                    // Honour Retry-After a little: a real client would back off.
                    await Task.Delay(250);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => Client(queries[i % queries.Count]))));
        latencies.Sort();
        var result = new Dictionary<string, object?>
        {
            ["clients"] = clients,
            ["seconds"] = Math.Round(deadline.Elapsed.TotalSeconds, 1),
            ["requests"] = latencies.Count,
            ["errors"] = failures,
            ["throttled429"] = throttled,
            ["queries"] = queries,
            ["statuses"] = statuses.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
            ["p50Ms"] = Percentile(latencies, 0.50),
            ["p95Ms"] = Percentile(latencies, 0.95),
            ["maxMs"] = latencies.Count == 0 ? null : Math.Round(latencies[^1], 1),
            ["serverBaselineRssMb"] = baselineMb,
            ["serverPeakRssMb"] = ServerMemoryMb(serverPid, "VmHWM"),
            ["serverRssAfterMb"] = ServerMemoryMb(serverPid, "VmRSS"),
        };
        output.WriteLine(JsonSerializer.Serialize(result));
        return failures == 0 ? 0 : 1;
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);

    /// <summary>A line of /proc/PID/status (Linux) in MB, or null.</summary>
    private static double? ServerMemoryMb(int? pid, string field)
    {
        var path = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? null : Math.Round(double.Parse(kb, CultureInfo.InvariantCulture) / 1024, 1);
    }

    private static (Uri Url, string Input, int Clients, double Seconds, List<string> Queries, int? ServerPid)? Parse(string[] args)
    {
        Uri? url = null;
        string? input = null;
        var clients = 8;
        var seconds = 60.0;
        var queries = new List<string>();
        int? pid = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--url": url = new Uri(value); break;
                case "--input": input = value; break;
                case "--clients": clients = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--query": queries.Add(value); break;
                case "--server-pid": pid = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        // Bounded in count and time: at most 64 clients for at most 10 minutes.
        if (url is null || input is null || clients is < 1 or > 64 || seconds is <= 0 or > 600)
        {
            return null;
        }

        if (queries.Count == 0)
        {
            queries.Add("k=4");
        }

        return (url, input, clients, seconds, queries, pid);
    }
}
