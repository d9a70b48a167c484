using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SegmentDashboard.Auth;

/// <summary>/healthz (the process answers) and /readyz (the store is usable), public in every mode, plain "Healthy"/"Unhealthy".</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(StoreReadyCheck.Tag) }).AllowAnonymous();
        return endpoints;
    }
}
