namespace SegmentDashboard.Auth;

/// <summary>The sign-in pages and endpoints.</summary>
public static class SignInPaths
{
    public const string SignIn = "/signin";
    public const string SignOut = "/signout";
    public const string Oidc = "/signin/oidc";
    public const string Setup = FirstAdminSetup.PagePath;
    public const string Tokens = "/settings/tokens";
    public const string Audit = "/audit";

    /// <summary>A local path to return to after sign-in; anything else (another host, a scheme) becomes "/".</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
