namespace SegmentDashboard.Security;

/// <summary>Content-Security-Policy, nosniff, frame-ancestors and no server banner.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only the app's own scripts. Blazor Server needs its websocket (connect-src ws: wss:);
    /// Plotly needs inline styles and data:/blob: images for PNG export, but no eval.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self' ws: wss:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'";

    /// <summary>
    /// Sets the headers on every response, just before it starts, so they survive an exception
    /// handler clearing the response. They replace what an endpoint set: Blazor's interactive
    /// server endpoint adds its own <c>frame-ancestors 'self'</c> policy, which this one tightens.
    /// The Server banner is switched off in Kestrel's options (ApiEndpoints.AddSegmentDashboardApi).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.Remove("Server");
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
