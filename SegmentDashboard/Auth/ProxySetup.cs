using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SegmentDashboard.Auth;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-For/-Proto/-Host are believed only from
/// <c>Proxy:KnownNetworks</c> / <c>Proxy:KnownProxies</c> (none configured: ignored, not even from
/// loopback), so the outside scheme decides HSTS and Secure cookies.
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        services.AddSingleton(proxy);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var network in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }

            foreach (var address in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address.Trim()));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
        return services;
    }

    /// <summary>Forwarded headers first (when proxies are configured), then HSTS on https requests outside Development.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ProxyOptions>().Any)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
