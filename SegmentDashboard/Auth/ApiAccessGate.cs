namespace SegmentDashboard.Auth;

/// <summary>
/// Team mode: every /api/* call, and the API's OpenAPI document under /openapi, needs a signed-in
/// cookie or <c>Authorization: Bearer</c> token, except /api/sample.csv; without one the answer is
/// 401 problem JSON. Personal mode passes all.
/// </summary>
public sealed class ApiAccessGate(RequestDelegate next, AuthOptions options)
{
    private const string PublicSample = "/api/sample.csv";

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.IsTeam
            && IsApi(context.Request.Path)
            && !context.Request.Path.Equals(PublicSample, StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in required",
                detail: "This server runs in team mode: send 'Authorization: Bearer <personal access token>' (create one on the Access tokens page, or with 'SegmentDashboard users token NAME').")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
