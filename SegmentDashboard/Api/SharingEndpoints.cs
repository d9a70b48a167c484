using System.Globalization;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Api;

/// <summary>
/// Sharing and audit over HTTP (owner or administrator): share with a user, create and revoke
/// capability links, read the audit trail. Links are returned once, with their token.
/// </summary>
internal static class SharingEndpoints
{
    /// <summary>Longest accepted link lifetime (a year), in hours.</summary>
    public const int MaxExpiryHours = 24 * 366;

    public static IEndpointRouteBuilder MapSharingApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/analyses/{id}/sharing", SharingAsync).WithName("GetSharing");
        api.MapPost("/analyses/{id}/shares/{user}", ShareAsync).WithName("ShareAnalysis");
        api.MapDelete("/analyses/{id}/shares/{user}", UnshareAsync).WithName("UnshareAnalysis");
        api.MapPost("/analyses/{id}/links", CreateLinkAsync).WithName("CreateShareLink");
        api.MapDelete("/analyses/{id}/links/{linkId}", RevokeLinkAsync).WithName("RevokeShareLink");
        api.MapGet("/analyses/{id}/audit", AuditAsync).WithName("AnalysisAudit");
        api.MapGet("/audit", AuditAllAsync).WithName("Audit");
        return api;
    }

    private static Task<IResult> SharingAsync(string id, HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async ct =>
        {
            var caller = AnalysesEndpoints.Caller(context);
            var sharing = await analyses.SharingAsync(caller, id, ct);
            if (sharing is not { } found)
            {
                return await analyses.AccessAsync(caller, id, ct) == AnalysisAccess.Read
                    ? AnalysesEndpoints.Outcome(AccessOutcome.Forbidden, id)
                    : AnalysesEndpoints.NotFound(id);
            }

            return TypedResults.Ok(new { shares = found.Shares, links = found.Links });
        });

    private static Task<IResult> ShareAsync(string id, string user, HttpContext context, OwnedAnalyses analyses, Auth.IUserDirectory users, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async ct =>
        {
            if (!await users.ExistsAsync(user, ct))
            {
                throw ApiProblemException.BadParameter("user", $"There is no user '{user}' to share with.");
            }

            return AnalysesEndpoints.Outcome(await analyses.ShareWithAsync(AnalysesEndpoints.Caller(context), id, user, ct), id);
        });

    private static Task<IResult> UnshareAsync(string id, string user, HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async ct =>
            AnalysesEndpoints.Outcome(await analyses.UnshareAsync(AnalysesEndpoints.Caller(context), id, user, ct), id));

    private static Task<IResult> CreateLinkAsync(string id, HttpContext context, OwnedAnalyses analyses, TimeProvider time, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async ct =>
        {
            var includeData = ParseBool(context.Request.Query["includeData"].ToString(), "includeData");
            var expires = ParseExpiry(context.Request.Query["expiresHours"].ToString(), time);
            var (outcome, link) = await analyses.CreateLinkAsync(AnalysesEndpoints.Caller(context), id, includeData, expires, ct);
            if (outcome != AccessOutcome.Done || link is null)
            {
                return AnalysesEndpoints.Outcome(outcome, id);
            }

            return TypedResults.Created(link.Path, new { id = link.Link.Id, url = link.Path, token = link.Token, includeData, expiresUtc = expires });
        });

    private static Task<IResult> RevokeLinkAsync(string id, string linkId, HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async ct =>
            AnalysesEndpoints.Outcome(await analyses.RevokeLinkAsync(AnalysesEndpoints.Caller(context), id, linkId, ct), id));

    private static Task<IResult> AuditAsync(string id, HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async ct =>
        {
            var caller = AnalysesEndpoints.Caller(context);
            var entries = await analyses.AuditAsync(caller, id, ct);
            if (entries is not null)
            {
                return TypedResults.Ok(entries);
            }

            return await analyses.AccessAsync(caller, id, ct) == AnalysisAccess.Read
                ? AnalysesEndpoints.Outcome(AccessOutcome.Forbidden, id)
                : AnalysesEndpoints.NotFound(id);
        });

    private static Task<IResult> AuditAllAsync(HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async ct =>
            await analyses.AuditAsync(AnalysesEndpoints.Caller(context), null, ct) is { } entries
                ? TypedResults.Ok(entries)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Administrators only", detail: "The whole audit trail is for administrators; GET /api/analyses/{id}/audit shows your own analysis's trail."));

    private static bool ParseBool(string value, string parameter) => value.Trim().ToLowerInvariant() switch
    {
        "" or "false" or "0" or "no" => false,
        "true" or "1" or "yes" => true,
        _ => throw ApiProblemException.BadParameter(parameter, $"Parameter '{parameter}' is '{value}'; use true or false."),
    };

    private static DateTimeOffset? ParseExpiry(string value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || !(hours > 0) || hours > MaxExpiryHours)
        {
            throw ApiProblemException.BadParameter("expiresHours", $"Parameter 'expiresHours' is '{value}'; give a number of hours above 0 and at most {MaxExpiryHours}.");
        }

        return time.GetUtcNow().AddHours(hours);
    }
}
