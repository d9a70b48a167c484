using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>
/// <c>Authorization: Bearer sdp_…</c>: a personal access token, looked up by its hash; the user must
/// still exist and not be locked out.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenStore tokens,
    IUserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>True when the request carries a Bearer token (the team scheme forwards it here).</summary>
    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header[BearerPrefix.Length..].Trim();
        var userName = await tokens.FindUserAsync(secret, Context.RequestAborted);
        if (userName is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked access token.");
        }

        var principal = await users.PrincipalAsync(userName, AuthSchemes.AccessToken, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The token's user does not exist or is locked out.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, AuthSchemes.AccessToken));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Task.CompletedTask;
    }
}
