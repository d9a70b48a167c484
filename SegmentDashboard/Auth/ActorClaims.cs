using System.Security.Claims;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Auth;

/// <summary>Maps a signed-in principal to the <see cref="Actor"/> that owns and opens analyses.</summary>
public static class ActorClaims
{
    /// <summary>The actor, or null when nobody is signed in.</summary>
    public static Actor? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var name = identity.Name
            ?? principal.FindFirst("preferred_username")?.Value
            ?? principal.FindFirst(ClaimTypes.Email)?.Value
            ?? principal.FindFirst("email")?.Value
            ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? principal.FindFirst("sub")?.Value;
        return string.IsNullOrWhiteSpace(name) ? null : new Actor(name, principal.IsInRole(AuthSchemes.AdminRole));
    }

    /// <summary>A principal for <paramref name="userName"/> (personal mode, access tokens, OIDC users).</summary>
    public static ClaimsPrincipal Principal(string userName, bool isAdmin, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(ClaimTypes.NameIdentifier, userName) };
        if (isAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AuthSchemes.AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
