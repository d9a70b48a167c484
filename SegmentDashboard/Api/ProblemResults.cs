using Microsoft.AspNetCore.Http.HttpResults;
using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Options;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Api;

/// <summary>
/// Turns every failure of an API request into RFC 7807 problem JSON: a status, a title and a
/// detail a person can act on. Unexpected errors become a 500 without stack trace or paths.
/// </summary>
internal static class ProblemResults
{
    /// <summary>The generic detail of a 500; the exception itself goes to the log only.</summary>
    public const string UnexpectedDetail =
        "The server could not complete the request because of an internal error. It has been logged; try again, or report it with the time of the request.";

    /// <summary><see cref="Core.Segmentation.SegmentationRequest"/> property names (ArgumentException.ParamName) to query names.</summary>
    private static readonly FrozenDictionary<string, string> QueryNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Features"] = ApiRequestParser.Features,
        ["Algorithm"] = ApiRequestParser.Algorithm,
        ["ClusterCount"] = ApiRequestParser.K,
        ["K"] = ApiRequestParser.K,
        ["Linkage"] = ApiRequestParser.Linkage,
        ["Eps"] = ApiRequestParser.Eps,
        ["MinSamples"] = ApiRequestParser.MinSamples,
        ["Scaling"] = ApiRequestParser.Scaling,
        ["Missing"] = ApiRequestParser.Missing,
        ["Seed"] = ApiRequestParser.Seed,
        ["Restarts"] = ApiRequestParser.Restarts,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The logger category of the API's unexpected errors.</summary>
    public const string LoggerName = "SegmentDashboard.Api";

    /// <summary>
    /// Runs an endpoint's work with the request's cancellation token: any failure becomes its
    /// problem result; a client that went away gets an empty result (nobody is left to read it).
    /// </summary>
    public static async Task<IResult> HandleAsync(HttpContext context, ILoggerFactory loggers, Func<CancellationToken, Task<IResult>> handler)
    {
        var aborted = context.RequestAborted;
        var budget = TimeSpan.FromSeconds(context.RequestServices.GetService<IOptions<ApiProtectionOptions>>()?.Value.RequestTimeoutSeconds ?? 120);
        using var timeout = new CancellationTokenSource(budget);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, timeout.Token);
        try
        {
            return await handler(linked.Token);
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            return TypedResults.Empty;
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            context.Response.Headers.RetryAfter = "30";
            return Problem(
                StatusCodes.Status503ServiceUnavailable,
                "Time budget exceeded",
                string.Create(CultureInfo.InvariantCulture, $"The request did not finish within its time budget of {budget.TotalSeconds:0.###} seconds and was cancelled. Use fewer rows or features, a smaller eps, K-means or Ward linkage, or try again later."),
                Extensions(("timeoutSeconds", budget.TotalSeconds)));
        }
        catch (Exception ex)
        {
            return From(ex, loggers.CreateLogger(LoggerName));
        }
    }

    /// <summary>The problem result for <paramref name="exception"/>; logs what is unexpected.</summary>
    public static ProblemHttpResult From(Exception exception, ILogger logger) => exception switch
    {
        ApiProblemException problem => Problem(problem.Status, problem.Title, problem.Message, Extensions(("parameter", problem.Parameter))),
        CsvLoadException csv => FromCsv(csv),
        InvalidInputException invalid => FromInvalidInput(invalid),
        BadHttpRequestException bad => Problem(
            bad.StatusCode,
            bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Upload too large" : "Bad request",
            bad.Message),
        _ => Unexpected(exception, logger),
    };

    /// <summary>Logs the exception under a new correlation id, which the generic problem JSON carries.</summary>
    public static ProblemHttpResult Unexpected(Exception exception, ILogger logger)
    {
        var correlationId = Guid.NewGuid().ToString("N")[..16];
        logger.LogError(exception, "Unexpected error in an API request (correlation id {CorrelationId}).", correlationId);
        return Problem(
            StatusCodes.Status500InternalServerError,
            "Unexpected error",
            UnexpectedDetail,
            Extensions(("correlationId", correlationId)));
    }

    /// <summary>The query name for a request property name, or null when it is not a parameter.</summary>
    public static string? QueryName(string? paramName) =>
        paramName is not null && QueryNames.TryGetValue(paramName, out var name) ? name : null;

    private static ProblemHttpResult FromCsv(CsvLoadException csv)
    {
        var status = csv.Error == CsvLoadError.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        return Problem(
            status,
            "The file could not be read",
            csv.Describe(),
            Extensions(("error", csv.Error.ToString()), ("line", csv.Line), ("column", csv.Column)));
    }

    private static ProblemHttpResult FromInvalidInput(InvalidInputException argument)
    {
        var message = argument.Message;
        if (argument.ParamName is { } paramName)
        {
            message = message.Replace($" (Parameter '{paramName}')", string.Empty, StringComparison.Ordinal);
        }

        var parameter = QueryName(argument.ParamName);
        var detail = parameter is null ? message : $"Parameter '{parameter}': {message}";
        return Problem(StatusCodes.Status400BadRequest, parameter is null ? "Invalid input" : "Invalid parameter", detail, Extensions(("parameter", parameter)));
    }

    private static Dictionary<string, object?> Extensions(params (string Key, object? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);

    private static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
