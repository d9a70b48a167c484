using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Api;

/// <summary>
/// Saved analyses over HTTP: POST /api/analyses (the same body and query as /api/segment, plus
/// <c>name</c>), GET /api/analyses (list), GET /api/analyses/{id} (the /api/segment JSON with the
/// saved labels and segment names), PATCH /api/analyses/{id}?name= (rename), DELETE /api/analyses/{id};
/// sharing: POST/DELETE /api/analyses/{id}/shares/{user}, POST /api/analyses/{id}/links
/// (?includeData=true&amp;expiresHours=N), DELETE /api/analyses/{id}/links/{linkId}; audit:
/// GET /api/analyses/{id}/audit, GET /api/audit (administrators). Every call acts as the signed-in
/// user (personal mode: the implicit owner): another user's analysis answers 404 (its existence
/// does not leak); one shared with the caller read-only answers 403 to changes.
/// </summary>
internal static class AnalysesEndpoints
{
    /// <summary>The query parameter holding the analysis name.</summary>
    public const string Name = "name";

    /// <summary>Longest accepted analysis name.</summary>
    public const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/analyses", SaveAsync)
            .WithName("SaveAnalysis")
            .Produces<AnalysisCreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/analyses", ListAsync)
            .WithName("ListAnalyses")
            .Produces<AnalysisListItem[]>(StatusCodes.Status200OK);
        api.MapGet("/analyses/{id}", GetAsync)
            .WithName("GetAnalysis")
            .Produces<SegmentResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/analyses/{id}", DeleteAsync)
            .WithName("DeleteAnalysis")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/analyses/{id}", RenameAsync)
            .WithName("RenameAnalysis")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapSharingApi();
        return api;
    }

    /// <summary>The reviewer's read-only page of an analysis.</summary>
    public static string PageUrl(string id) => "/a/" + Uri.EscapeDataString(id);

    /// <summary>The API resource of an analysis (the Location of a 201).</summary>
    public static string ResourceUrl(string id) => ApiEndpoints.Prefix + "/analyses/" + Uri.EscapeDataString(id);

    internal static Task<IResult> SaveAsync(
        HttpContext context,
        SegmentationService service,
        OwnedAnalyses analyses,
        IOptions<UploadOptions> upload,
        ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var request = context.Request;
            var name = TakeName(request);
            var result = await SegmentEndpoint.RunAsync(request, service, upload.Value, cancellationToken);
            var names = AnalysisLibrary.NamesFor(result, id => result.Profiles.FirstOrDefault(p => p.SegmentId == id)?.Name ?? SegmentNames.Fallback(id));
            var id = await analyses.SaveAsync(Caller(context), name, result, names, cancellationToken);
            return TypedResults.Created(ResourceUrl(id), new AnalysisCreatedResponse(id, PageUrl(id)));
        });

    internal static Task<IResult> ListAsync(HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var list = await analyses.ListAsync(Caller(context), cancellationToken);
            return TypedResults.Ok(list.Select(AnalysisListItem.From).ToArray());
        });

    internal static Task<IResult> GetAsync(string id, HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var opened = await analyses.OpenAsync(Caller(context), id, cancellationToken);
            if (opened is null)
            {
                return NotFound(id);
            }

            return TypedResults.Ok(SegmentResponse.From(opened.NamedResult() with { RowLabels = opened.SavedLabels }));
        });

    internal static Task<IResult> DeleteAsync(string id, HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
            Outcome(await analyses.DeleteAsync(Caller(context), id, cancellationToken), id));

    internal static Task<IResult> RenameAsync(string id, HttpContext context, OwnedAnalyses analyses, ILoggerFactory loggers) =>
        ProblemResults.HandleAsync(context, loggers, async cancellationToken =>
        {
            var name = TakeName(context.Request);
            return Outcome(await analyses.RenameAsync(Caller(context), id, name, cancellationToken), id);
        });

    /// <summary>The signed-in caller; the API gate has already answered 401 when there is none.</summary>
    internal static Actor Caller(HttpContext context) =>
        Auth.ActorClaims.From(context.User) ?? throw new ApiProblemException(StatusCodes.Status401Unauthorized, "Sign-in required", "Send 'Authorization: Bearer <personal access token>'.");

    /// <summary>204, 404 (not there, or not the caller's to see) or 403 (shared with the caller read-only).</summary>
    internal static IResult Outcome(AccessOutcome outcome, string id) => outcome switch
    {
        AccessOutcome.Done => TypedResults.NoContent(),
        AccessOutcome.Forbidden => TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Read-only",
            detail: $"The analysis '{id}' is shared with you read-only: only its owner or an administrator may change it."),
        _ => NotFound(id),
    };

    /// <summary>Reads and checks <c>name</c>, then removes it from the query so the segmentation parser sees its own parameters only.</summary>
    internal static string TakeName(HttpRequest request)
    {
        var key = request.Query.Keys.FirstOrDefault(k => string.Equals(k, Name, StringComparison.OrdinalIgnoreCase));
        var values = key is null ? StringValues.Empty : request.Query[key];
        if (values.Count > 1)
        {
            throw ApiProblemException.BadParameter(Name, $"Parameter '{Name}' is given {values.Count} times; give it once.");
        }

        var name = values.ToString().Trim();
        if (name.Length == 0)
        {
            throw ApiProblemException.BadParameter(Name, $"Parameter '{Name}' is required: the name the analysis is listed under (e.g. ?{Name}=Q3%20customers).");
        }

        if (name.Length > MaxNameLength)
        {
            throw ApiProblemException.BadParameter(Name, $"Parameter '{Name}' is {name.Length} characters long; at most {MaxNameLength} are accepted.");
        }

        if (name.Any(char.IsControl))
        {
            throw ApiProblemException.BadParameter(Name, $"Parameter '{Name}' contains control characters (line breaks, tabs); use plain text.");
        }

        request.Query = new QueryCollection(request.Query
            .Where(pair => !string.Equals(pair.Key, Name, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase));
        return name;
    }

    internal static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Analysis not found",
        detail: $"No saved analysis has the id '{id}'. It may have been deleted; GET {ApiEndpoints.Prefix}/analyses lists the saved ones.");
}
