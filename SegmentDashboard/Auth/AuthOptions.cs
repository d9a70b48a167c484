namespace SegmentDashboard.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed record AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary><c>personal</c> (default), <c>local</c> or <c>oidc</c>.</summary>
    public AuthMode Mode { get; init; } = AuthMode.Personal;

    /// <summary>OIDC: the provider's issuer URL (its /.well-known/openid-configuration is read from there).</summary>
    public string? Authority { get; init; }

    /// <summary>OIDC: this app's client id at the provider.</summary>
    public string? ClientId { get; init; }

    /// <summary>OIDC: this app's client secret at the provider.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>OIDC: require an https authority (default true; a loopback test provider may turn it off).</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>OIDC: user names (preferred_username, else email, else subject) that are administrators.</summary>
    public IReadOnlyList<string> Admins { get; init; } = [];

    /// <summary>True in team mode (local or oidc): sign-in required.</summary>
    public bool IsTeam => Mode != AuthMode.Personal;

    /// <summary>Reads the section; an unknown mode is a configuration error naming the allowed values.</summary>
    public static AuthOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var mode = section["Mode"];
        if (!string.IsNullOrWhiteSpace(mode) && !Enum.TryParse<AuthMode>(mode, ignoreCase: true, out _))
        {
            throw new InvalidOperationException($"Auth:Mode is '{mode}'; use 'personal', 'local' or 'oidc'.");
        }

        return section.Get<AuthOptions>() ?? new AuthOptions();
    }
}
