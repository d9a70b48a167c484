namespace SegmentDashboard;

/// <summary>All service registrations and middleware of the web app, in one place.</summary>
public static class SegmentDashboardSetup
{
    public static WebApplicationBuilder AddSegmentDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication UseSegmentDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
