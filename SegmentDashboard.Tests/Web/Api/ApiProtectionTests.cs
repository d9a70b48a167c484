using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>Issue 12: the API cannot be made to exhaust the server: a run queue with 429 + Retry-After, and a time budget.</summary>
public sealed class ApiProtectionTests
{
    /// <summary>Average linkage on 12,000 rows (exact: a 576 MB distance matrix): about a second of work.</summary>
    private static readonly string HeavyCsv = Heavy(12_000);

    [Fact]
    public async Task Segment_MoreConcurrentRunsThanSlotsAndQueue_429WithRetryAfterNever5xx()
    {
        await using var factory = Factory(("Api:MaxConcurrentRuns", "1"), ("Api:RunQueueLength", "0"), ("Api:RetryAfterSeconds", "7"));
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var content = ApiTestData.Csv(HeavyCsv);
            var response = await client.PostAsync("/api/segment?k=3&algorithm=hierarchical&linkage=average&features=X,Y", content);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var status = (int)response.StatusCode;
            response.Dispose();
            return (status, retryAfter);
        }));

        Assert.DoesNotContain(responses, r => r.status >= 500);
        Assert.Contains(responses, r => r.status == 200);
        var rejected = responses.Where(r => r.status == 429).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.Equal(TimeSpan.FromSeconds(7), r.retryAfter));
    }

    [Fact]
    public async Task Segment_OverTheTimeBudget_503ProblemAndTheRunStops()
    {
        // A twentieth of a second: the engine (optimized) finishes this run in under a second here.
        await using var factory = Factory(("Api:RequestTimeoutSeconds", "0.05"));
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);

        using var response = await client.PostAsync("/api/segment?k=3&algorithm=hierarchical&linkage=average&features=X,Y", ApiTestData.Csv(HeavyCsv));

        var detail = await ApiTestData.AssertProblemAsync(response, 503);
        Assert.Contains("time budget of 0.05 seconds", detail, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Api_MoreRequestsThanThePerClientWindow_429()
    {
        await using var factory = Factory(("Api:PermitsPerWindow", "2"), ("Api:WindowSeconds", "600"));
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/sample.csv");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static WebApplicationFactory<Program> Factory(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static string Heavy(int rows)
    {
        var random = new Random(5);
        var csv = new StringBuilder("X,Y\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{(i % 3 * 10) + random.NextDouble():0.####},{random.NextDouble():0.####}\n");
        }

        return csv.ToString();
    }
}
