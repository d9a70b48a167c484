using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace SegmentDashboard.Auth;

/// <summary>POST /signout (antiforgery-checked) and GET /signin/oidc (starts the provider's sign-in).</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPaths.SignOut, SignOutAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet(SignInPaths.Oidc, (string? returnUrl, AuthOptions options) =>
                options.Mode == AuthMode.Oidc
                    ? Results.Challenge(new AuthenticationProperties { RedirectUri = SignInPaths.SafeReturnUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                    : Results.NotFound())
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, AuthOptions options)
    {
        // Validated here (not by the endpoint filter) so a stale form gets a plain 400, not an exception page.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        switch (options.Mode)
        {
            case AuthMode.Local:
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                break;
            case AuthMode.Oidc:
                await context.SignOutAsync(AuthSchemes.OidcCookie);
                break;
        }

        return Results.Redirect(SignInPaths.SignIn);
    }
}
