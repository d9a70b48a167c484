namespace SegmentDashboard.Auth;

/// <summary>How people sign in (<c>Auth:Mode</c>).</summary>
public enum AuthMode
{
    /// <summary>No sign-in, one implicit owner; allowed only when the app listens on loopback addresses.</summary>
    Personal,

    /// <summary>Team mode with ASP.NET Core Identity accounts in the SQLite database.</summary>
    Local,

    /// <summary>Team mode with an OpenID Connect provider (<c>Auth:Authority</c>, <c>Auth:ClientId</c>, <c>Auth:ClientSecret</c>).</summary>
    Oidc,
}
