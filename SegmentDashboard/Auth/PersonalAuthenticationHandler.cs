using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>Personal mode (loopback only): every request is the one implicit owner, an administrator of their own data.</summary>
public sealed class PersonalAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(
            ActorClaims.Principal(Actor.Personal.Name, isAdmin: true, AuthSchemes.Personal), AuthSchemes.Personal)));
}
