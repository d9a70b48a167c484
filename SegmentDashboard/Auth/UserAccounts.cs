using Microsoft.AspNetCore.Identity;

namespace SegmentDashboard.Auth;

/// <summary>Creating local accounts (the setup page and the <c>users add</c> command share this).</summary>
public static class UserAccounts
{
    public static async Task<IdentityResult> CreateAsync(IServiceProvider services, string userName, string password, bool isAdmin)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(userName.Trim());
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded && isAdmin)
        {
            result = await users.AddToRoleAsync(user, AuthSchemes.AdminRole);
        }

        return result;
    }

    /// <summary>Identity's errors as one sentence.</summary>
    public static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));
}
