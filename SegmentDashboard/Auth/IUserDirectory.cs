using System.Security.Claims;

namespace SegmentDashboard.Auth;

/// <summary>The users of team mode: who exists, and the principal an access token of theirs signs in as.</summary>
public interface IUserDirectory
{
    /// <summary>The principal of <paramref name="userName"/>, or null when the user does not exist or may not sign in (locked out).</summary>
    Task<ClaimsPrincipal?> PrincipalAsync(string userName, string authenticationType, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="userName"/> is a user one can share with.</summary>
    Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default);
}
