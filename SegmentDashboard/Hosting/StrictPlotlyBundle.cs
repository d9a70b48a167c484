namespace SegmentDashboard.Hosting;

/// <summary>
/// Serves Plotly's strict bundle where Plotly.Blazor looks for plotly.js. Plotly.Blazor 7.2.0 loads
/// its shipped (regular) plotly.js 3.7.0 from a fixed path; that bundle compiles WebGL shader code
/// with <c>new Function</c>, which the CSP (no <c>'unsafe-eval'</c>) forbids. Requests for that path
/// are rewritten to the vendored strict build of the same version (wwwroot-assets/plotly), before
/// routing picks the static-asset endpoint, so the regular bundle is never served.
/// </summary>
public static class StrictPlotlyBundle
{
    /// <summary>Where Plotly.Blazor 7.2.0 loads plotly.js from (its <c>PlotlyJsInterop</c>).</summary>
    public const string PlotlyBlazorPath = "/_content/Plotly.Blazor/plotly-3.7.0.min.js";

    /// <summary>The vendored strict bundle, a static web asset of this app.</summary>
    public const string StrictPath = "/lib/plotly/plotly-strict.min.js";

    /// <summary>
    /// Adds the rewrite and then routing, so the rewritten path is the one routed. Call it before
    /// anything that needs the endpoint (it is the app's <c>UseRouting</c>).
    /// </summary>
    public static WebApplication UseStrictPlotlyBundle(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(PlotlyBlazorPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Path = StrictPath;
            }

            return next(context);
        });
        app.UseRouting();
        return app;
    }
}
