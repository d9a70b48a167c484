namespace SegmentDashboard.Auth;

/// <summary>Names of the authentication schemes and roles.</summary>
public static class AuthSchemes
{
    /// <summary>Personal mode: everyone is the one implicit owner.</summary>
    public const string Personal = "Personal";

    /// <summary>Team mode: <c>Authorization: Bearer</c> personal access tokens.</summary>
    public const string AccessToken = "AccessToken";

    /// <summary>Team mode: picks <see cref="AccessToken"/> when a Bearer header is present, else the sign-in cookie.</summary>
    public const string Team = "Team";

    /// <summary>OIDC mode: the sign-in cookie.</summary>
    public const string OidcCookie = "OidcCookie";

    /// <summary>The administrators' role.</summary>
    public const string AdminRole = "admin";

    /// <summary>The sign-in cookie's name (local and oidc).</summary>
    public const string CookieName = "SegmentDashboard.Auth";
}
