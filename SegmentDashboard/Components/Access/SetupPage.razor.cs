using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using SegmentDashboard.Auth;

namespace SegmentDashboard.Components.Access;

/// <summary>/setup: local mode's first start; the one-time token from the console creates the first administrator, who is then signed in.</summary>
public sealed partial class SetupPage
{
    private string? _error;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    [SupplyParameterFromForm(FormName = "setup")]
    private SetupInput? Input { get; set; }

    private FirstAdminSetup? Setup => Services.GetService<FirstAdminSetup>();

    private async Task CreateAsync()
    {
        if (Setup is not { } setup)
        {
            return;
        }

        var result = await setup.CreateAdminAsync(Input!.SetupToken, Input!.UserName, Input!.Password);
        if (!result.Succeeded)
        {
            _error = UserAccounts.Describe(result);
            return;
        }

        var users = Services.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByNameAsync(Input!.UserName.Trim());
        await Services.GetRequiredService<SignInManager<IdentityUser>>().SignInAsync(user!, isPersistent: false);
        Navigation.NavigateTo("/", forceLoad: true);
    }

    /// <summary>The posted form.</summary>
    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Enter the setup token from the server's console.")]
        public string SetupToken { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a user name.")]
        [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        public string Password { get; set; } = string.Empty;
    }
}
