using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>
/// /a/{key} answers a real HTTP 404, with no hint of what was there, unless the key is an active
/// capability link or an analysis id the signed-in user may see (personal mode: any). The page
/// itself checks again inside its circuit.
/// </summary>
public sealed class SharePageGate(RequestDelegate next, OwnedAnalyses analyses)
{
    /// <summary>HttpContext.Items key of the analysis a request concerns (for the request log).</summary>
    public const string AnalysisIdItem = "SegmentDashboard.AnalysisId";

    internal const string NotFoundHtml =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
        + "<body><h1>Not found</h1><p>There is nothing at this address.</p></body></html>";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpMethods.IsGet(context.Request.Method) && Key(context.Request.Path) is { } key)
        {
            var page = await analyses.ResolvePageAsync(ActorClaims.From(context.User), key, context.RequestAborted);
            if (page is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsync(NotFoundHtml, context.RequestAborted);
                return;
            }

            context.Items[AnalysisIdItem] = page.AnalysisId;
            context.Response.Headers.CacheControl = "no-store";
        }

        await next(context);
    }

    /// <summary>The key of /a/{key} (one segment), or null for any other path.</summary>
    public static string? Key(PathString path)
    {
        var value = path.Value;
        if (value is null || !value.StartsWith("/a/", StringComparison.Ordinal))
        {
            return null;
        }

        var key = value[3..].TrimEnd('/');
        return key.Length == 0 || key.Contains('/', StringComparison.Ordinal) ? null : Uri.UnescapeDataString(key);
    }
}
