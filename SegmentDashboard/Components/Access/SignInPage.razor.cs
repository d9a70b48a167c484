using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using SegmentDashboard.Auth;

namespace SegmentDashboard.Components.Access;

/// <summary>
/// /signin: server-rendered (no circuit) so Identity's sign-in sets its cookie on a normal HTTP
/// POST, with antiforgery. Local accounts: user name and password (locked for 15 minutes after 5
/// failures); OIDC: a button to the provider; personal mode: nothing to do.
/// </summary>
public sealed partial class SignInPage
{
    private string? _error;

    [Inject]
    private AuthOptions Options { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    [SupplyParameterFromForm(FormName = "signin")]
    private SignInInput? Input { get; set; }

    [SupplyParameterFromQuery(Name = "ReturnUrl")]
    private string? ReturnUrl { get; set; }

    private FirstAdminSetup? Setup => Services.GetService<FirstAdminSetup>();

    private string OidcUrl => SignInPaths.Oidc + "?returnUrl=" + Uri.EscapeDataString(SignInPaths.SafeReturnUrl(ReturnUrl));

    private async Task SignInAsync()
    {
        var signIn = Services.GetRequiredService<SignInManager<IdentityUser>>();
        var result = await signIn.PasswordSignInAsync(Input!.UserName.Trim(), Input!.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(SignInPaths.SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }

        _error = result.IsLockedOut
            ? "This account is locked after repeated failed sign-ins. Try again in 15 minutes, or ask an administrator."
            : "The user name or password is not right.";
    }

    /// <summary>The posted form.</summary>
    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your user name.")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = string.Empty;
    }
}
