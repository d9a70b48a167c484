using Microsoft.AspNetCore.Diagnostics;

namespace SegmentDashboard.Api;

/// <summary>
/// Last line of defence for /api requests: anything that escapes an endpoint (or a middleware on
/// the way) becomes problem JSON without stack trace or file paths. Other paths are left to the
/// app's /Error page.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    private readonly ILogger<ApiExceptionHandler> _logger;

    public ApiExceptionHandler(ILogger<ApiExceptionHandler> logger)
    {
        _logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at its /Error page; the feature keeps the original.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
        if (!path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase) || httpContext.Response.HasStarted)
        {
            return false;
        }

        var result = ProblemResults.From(exception, _logger);
        await result.ExecuteAsync(httpContext);
        return true;
    }
}
