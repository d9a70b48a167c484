namespace SegmentDashboard.Api;

/// <summary>The HTTP API (POST /api/segment, GET /api/sample.csv, ...) on the same engine as the UI.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddSegmentDashboardApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSegmentDashboardApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
