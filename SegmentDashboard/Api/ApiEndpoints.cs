using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>The HTTP API (POST /api/segment, GET /api/sample.csv, ...) on the same engine as the UI.</summary>
public static class ApiEndpoints
{
    /// <summary>Every API route starts with this.</summary>
    public const string Prefix = "/api";

    /// <summary>Configuration section of <see cref="SegmentationLimits"/> (optional).</summary>
    public const string SegmentationSection = "Segmentation";

    public static IServiceCollection AddSegmentDashboardApi(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>()
            .BindConfiguration(UploadOptions.SectionName)
            .Validate(o => o.MaxBytes > 0, "Upload:MaxBytes must be a positive number of bytes.")
            .ValidateOnStart();

        // The engine's limits, checked at start-up so a bad value fails the start, not a request.
        services.AddOptions<SegmentationLimits>()
            .BindConfiguration(SegmentationSection)
            .Validate(limits => SegmentationLimitsCheck.Problem(limits) is null, "Segmentation limits are invalid: every row limit, MicroClusters, MaxClusterCount (2 or more) and MaxWorkBytes must be positive.")
            .ValidateOnStart();

        // The one registration of the engine: stateless apart from its limits, so one instance serves every request and circuit.
        services.TryAddSingleton(provider => new SegmentationService(provider.GetRequiredService<IOptions<SegmentationLimits>>().Value));
        services.AddApiProtection();

        // No "Server: Kestrel" banner (Program.cs stays short, so it is configured here).
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

        // Unexpected errors on /api paths become problem JSON instead of the HTML /Error page.
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapSegmentDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);

        // The handlers read the body themselves (raw text/csv, or multipart via MultipartReader)
        // and bind no form parameters, so antiforgery, which protects the cookie-authenticated
        // Blazor forms, is not triggered for this cookie-less machine API.
        api.MapPost("/segment", SegmentEndpoint.SegmentAsync)
            .WithName("Segment")
            .RequireRateLimiting(ApiProtection.HeavyRunPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Produces<SegmentResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("/compare", CompareEndpoint.CompareAsync).WithName("Compare").Produces<CompareResponse>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/export/labeled-csv", SegmentEndpoint.ExportLabeledCsvAsync)
            .WithName("ExportLabeledCsv")
            .RequireRateLimiting(ApiProtection.HeavyRunPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/sample.csv", SampleEndpoint.Get)
            .WithName("SampleCsv")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        api.MapAnalysesApi();
        api.MapCustomersApi();
        return endpoints;
    }
}
