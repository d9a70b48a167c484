using System.Diagnostics;

namespace SegmentDashboard.Auth;

/// <summary>
/// One log line per request naming the user and the analysis id it concerns: method, path
/// (capability tokens masked), status and time. Never the query string, a body or any customer data.
/// </summary>
public static class RequestLogging
{
    public const string Category = "SegmentDashboard.Requests";

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information) && !IsAsset(context.Request.Path))
                {
                    // Route "id" only on the API: the page route /a/{Id} carries the capability token there.
                    var analysisId = context.Items[SharePageGate.AnalysisIdItem] as string
                        ?? (ApiAccessGate.IsApi(context.Request.Path) ? context.GetRouteValue("id") as string : null);
                    logger.LogInformation(
                        "{Method} {Path} {Status} user={User} analysis={AnalysisId} {ElapsedMs:0} ms",
                        context.Request.Method,
                        SafePath(context.Request.Path),
                        context.Response.StatusCode,
                        context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous",
                        analysisId ?? "-",
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }

    /// <summary>The path with a share-link token replaced (the token is a capability; logs must not grant access).</summary>
    public static string SafePath(PathString path) =>
        SharePageGate.Key(path) is not null ? "/a/{key}" : path.Value ?? "/";

    private static bool IsAsset(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor")
        || Path.HasExtension(path.Value) && !path.StartsWithSegments("/api");
}
