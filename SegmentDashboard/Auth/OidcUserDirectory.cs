using System.Security.Claims;

namespace SegmentDashboard.Auth;

/// <summary>OIDC mode: users live at the provider; any name is accepted, administrators are listed in <c>Auth:Admins</c>.</summary>
public sealed class OidcUserDirectory(AuthOptions options) : IUserDirectory
{
    public Task<ClaimsPrincipal?> PrincipalAsync(string userName, string authenticationType, CancellationToken cancellationToken = default) =>
        Task.FromResult<ClaimsPrincipal?>(ActorClaims.Principal(userName, IsAdmin(userName), authenticationType));

    public Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default) =>
        Task.FromResult(!string.IsNullOrWhiteSpace(userName));

    public bool IsAdmin(string userName) => options.Admins.Contains(userName, StringComparer.OrdinalIgnoreCase);
}
