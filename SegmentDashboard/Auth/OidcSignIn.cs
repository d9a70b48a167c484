using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SegmentDashboard.Auth;

/// <summary>
/// OIDC mode: authorization code flow with PKCE against <c>Auth:Authority</c>. The user name is
/// preferred_username, else email, else the subject; <c>Auth:Admins</c> lists administrators.
/// </summary>
public static class OidcSignIn
{
    public static void Configure(OpenIdConnectOptions o, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(options);
        o.Authority = options.Authority;
        o.ClientId = options.ClientId;
        o.ClientSecret = options.ClientSecret;
        o.RequireHttpsMetadata = options.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        o.CallbackPath = "/signin-oidc";
        o.SignedOutCallbackPath = "/signout-callback-oidc";
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.Events.OnTokenValidated = context =>
        {
            var principal = context.Principal!;
            var name = principal.FindFirst("preferred_username")?.Value
                ?? principal.FindFirst("email")?.Value
                ?? principal.FindFirst("sub")?.Value;
            if (string.IsNullOrWhiteSpace(name))
            {
                context.Fail("The provider sent no preferred_username, email or subject.");
                return Task.CompletedTask;
            }

            var isAdmin = options.Admins.Contains(name, StringComparer.OrdinalIgnoreCase);
            var signedIn = ActorClaims.Principal(name, isAdmin, OpenIdConnectDefaults.AuthenticationScheme);
            ((ClaimsIdentity)signedIn.Identity!).AddClaim(new Claim("sub", principal.FindFirst("sub")?.Value ?? name));
            context.Principal = signedIn;
            return Task.CompletedTask;
        };
    }
}
