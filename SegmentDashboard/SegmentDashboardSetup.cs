using MudBlazor.Services;
using SegmentDashboard.Api;
using SegmentDashboard.Auth;
using SegmentDashboard.Hosting;
using SegmentDashboard.Security;
using SegmentDashboard.State;
using SegmentDashboard.Storage;

namespace SegmentDashboard;

/// <summary>All service registrations and middleware of the web app, in one place.</summary>
public static class SegmentDashboardSetup
{
    public static WebApplicationBuilder AddSegmentDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSegmentDashboardApi();
        builder.Services.AddOpenApi();
        AddUi(builder.Services);
        builder.Services.AddHostedService<IdleMemoryTrimmer>();
        builder.Services.AddHostedService<SampleWarmup>();
        builder.Services.AddHostedService<StartupWarmup>();
        builder.AddSegmentDashboardAuth();
        return builder;
    }

    public static WebApplication UseSegmentDashboard(this WebApplication app)
    {
        app.UseProxyHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStrictPlotlyBundle();
        app.UseSecurityHeaders();
        app.UseSegmentDashboardAuth();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.UseRateLimiter();
        app.MapSegmentDashboardApi();
        app.MapSegmentDashboardAuth();

        // The HTTP API's OpenAPI document at /openapi/v1.json.
        app.MapOpenApi();
        return app;
    }

    /// <summary>UI services (MudBlazor, per-circuit state); owned by the dashboard work package.</summary>
    private static void AddUi(IServiceCollection services)
    {
        services.AddMudServices();

        // The engine (SegmentationService) is registered once, with its validated limits, by AddSegmentDashboardApi.

        // Per circuit: each browser tab has its own dataset, settings and results.
        services.AddScoped<DashboardState>();
        services.AddScoped<ChartDrawTracker>();
        services.AddScoped<Components.Charts.ChartEngine>();
        services.AddScoped<Components.Customers.CustomerSession>();
        services.AddSingleton<SampleResultCache>();
        services.AddSingleton<Figures.FigureCache>();

        // Saved analyses: SQLite under Storage:Path (default "data" under the content root).
        services.AddStorage();
    }
}
