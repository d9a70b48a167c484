using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>
/// Sign-in and ownership: the mode's authentication schemes, Identity for local accounts, OIDC,
/// personal access tokens, the cookie policy, reverse-proxy headers, health endpoints and request
/// logs. SegmentDashboardSetup calls these one line each.
/// </summary>
public static class AuthSetup
{
    public static WebApplicationBuilder AddSegmentDashboardAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = AuthOptions.From(builder.Configuration);
        services.AddSingleton(options);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        services.AddAuthorization();
        services.AddProxySupport(builder.Configuration);
        services.AddHealthChecks().AddCheck<StoreReadyCheck>("store", tags: [StoreReadyCheck.Tag]);
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        switch (options.Mode)
        {
            case AuthMode.Personal:
                services.AddAuthentication(AuthSchemes.Personal)
                    .AddScheme<AuthenticationSchemeOptions, PersonalAuthenticationHandler>(AuthSchemes.Personal, null);
                break;
            case AuthMode.Local:
                AddLocalAccounts(services);
                break;
            case AuthMode.Oidc:
                AddOidc(services, options);
                break;
        }

        return builder;
    }

    public static IServiceCollection AddLocalAccounts(IServiceCollection services)
    {
        services.AddDbContext<AuthDbContext>((provider, o) => o.UseSqlite(provider.GetRequiredService<StoreDatabase>().ConnectionString));
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserDirectory, LocalUserDirectory>();
        services.AddSingleton<FirstAdminSetup>();
        services.AddHostedService(provider => provider.GetRequiredService<FirstAdminSetup>());

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Team;
                o.DefaultChallengeScheme = AuthSchemes.Team;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddTeamSchemes(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigureCookie);
        return services;
    }

    private static void AddOidc(IServiceCollection services, AuthOptions options)
    {
        services.AddSingleton<OidcUserDirectory>();
        services.AddSingleton<IUserDirectory>(provider => provider.GetRequiredService<OidcUserDirectory>());
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Team;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                o.DefaultSignInScheme = AuthSchemes.OidcCookie;
            })
            .AddTeamSchemes(AuthSchemes.OidcCookie)
            .AddCookie(AuthSchemes.OidcCookie, ConfigureCookie)
            .AddOpenIdConnect(o => OidcSignIn.Configure(o, options));
    }

    private static AuthenticationBuilder AddTeamSchemes(this AuthenticationBuilder authentication, string cookieScheme) =>
        authentication
            .AddPolicyScheme(AuthSchemes.Team, "Access token or sign-in cookie", o =>
                o.ForwardDefaultSelector = context => AccessTokenAuthenticationHandler.HasBearer(context) ? AuthSchemes.AccessToken : cookieScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AuthSchemes.AccessToken, null);

    /// <summary>HttpOnly, SameSite=Lax, Secure whenever the (outside) scheme is https; API calls get 401/403, not a redirect.</summary>
    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = AuthSchemes.CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.LoginPath = SignInPaths.SignIn;
        o.AccessDeniedPath = SignInPaths.SignIn;
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiAccessGate.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Forwarded headers (from Proxy:KnownNetworks/KnownProxies only), HSTS, authentication, the API and share-link gates, request logs.</summary>
    public static WebApplication UseSegmentDashboardAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLogging();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ApiAccessGate>();
        app.UseMiddleware<SharePageGate>();
        return app;
    }

    /// <summary>/healthz, /readyz, sign-out and the OIDC sign-in start.</summary>
    public static WebApplication MapSegmentDashboardAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthEndpoints();
        app.MapSignInEndpoints();
        return app;
    }
}
