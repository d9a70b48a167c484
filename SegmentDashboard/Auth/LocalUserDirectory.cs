using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace SegmentDashboard.Auth;

/// <summary>Local mode: the ASP.NET Core Identity accounts in the SQLite database.</summary>
public sealed class LocalUserDirectory(UserManager<IdentityUser> users) : IUserDirectory
{
    public async Task<ClaimsPrincipal?> PrincipalAsync(string userName, string authenticationType, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        return ActorClaims.Principal(user.UserName!, await users.IsInRoleAsync(user, AuthSchemes.AdminRole), authenticationType);
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default) =>
        await users.FindByNameAsync(userName) is not null;
}
