using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SegmentDashboard.Api;

/// <summary>
/// ASP.NET Core's rate limiter on /api/*: a fixed window per client address, and a server-wide
/// concurrency limit with a queue for the heavy segmentation endpoints. A rejected request gets
/// 429 problem JSON with Retry-After. The Blazor UI is not limited here (its circuits run their
/// own one-run-at-a-time scheduler), so a browser user's k change still completes under API load.
/// </summary>
internal static class ApiProtection
{
    /// <summary>The endpoint policy of the segmentation runs.</summary>
    public const string HeavyRunPolicy = "heavy-runs";

    public static IServiceCollection AddApiProtection(this IServiceCollection services)
    {
        services.AddOptions<ApiProtectionOptions>()
            .BindConfiguration(ApiProtectionOptions.SectionName)
            .Validate(o => o.Problem() is null, "Api options are invalid: check Api:PermitsPerWindow, WindowSeconds, MaxConcurrentRuns, RunQueueLength, RequestTimeoutSeconds and RetryAfterSeconds (all positive).")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiProtectionOptions>>((limiter, protection) =>
        {
            var o = protection.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = o.PermitsPerWindow, Window = TimeSpan.FromSeconds(o.WindowSeconds), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.AddConcurrencyLimiter(HeavyRunPolicy, c =>
            {
                c.PermitLimit = o.MaxConcurrentRuns;
                c.QueueLimit = o.RunQueueLength;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, o.RetryAfterSeconds, cancellationToken);
        });
        return services;
    }

    private static async ValueTask RejectAsync(HttpContext context, int retryAfterSeconds, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = TypedResults.Problem(
            detail: string.Create(CultureInfo.InvariantCulture, $"Too many requests: this client's request rate, or the server's queue of segmentation runs, is at its limit. Try again in {retryAfterSeconds} seconds."),
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = retryAfterSeconds });
        await problem.ExecuteAsync(context);
        _ = cancellationToken;
    }
}
