using System.Net;

namespace SegmentDashboard.Auth;

/// <summary>
/// Refuses to start an unsafe configuration: personal mode (no sign-in) on any address other than
/// loopback, or OIDC without its provider settings. Decided from configuration before the host is
/// built, so nothing is ever served.
/// </summary>
public static class StartupGuard
{
    /// <summary>The message for a configuration that must not start, or null when it may.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AuthOptions auth;
        try
        {
            auth = AuthOptions.From(configuration);
        }
        catch (InvalidOperationException ex)
        {
            return "SegmentDashboard did not start: " + ex.Message;
        }

        if (auth.Mode == AuthMode.Oidc && (string.IsNullOrWhiteSpace(auth.Authority) || string.IsNullOrWhiteSpace(auth.ClientId) || string.IsNullOrWhiteSpace(auth.ClientSecret)))
        {
            return "SegmentDashboard did not start: Auth:Mode is 'oidc' but Auth:Authority, Auth:ClientId and Auth:ClientSecret are not all set "
                + "(e.g. Auth__Authority=https://login.example.com/realms/acme Auth__ClientId=segmentdashboard Auth__ClientSecret=...).";
        }

        if (auth.IsTeam)
        {
            return null;
        }

        var exposed = ListenUrls(configuration).Where(url => !IsLoopback(url)).ToArray();
        return exposed.Length == 0
            ? null
            : $"SegmentDashboard did not start: it would listen on {string.Join(", ", exposed)}, which is not a loopback address, "
              + "but Auth:Mode is 'personal' (no sign-in: anyone who can reach it could read every saved analysis). "
              + "Set Auth:Mode to 'local' (accounts in the SQLite database; e.g. environment variable Auth__Mode=local) "
              + "or 'oidc' (with Auth:Authority, Auth:ClientId and Auth:ClientSecret), or listen on 127.0.0.1 / localhost only.";
    }

    /// <summary>The addresses the host will bind, from <c>urls</c> (--urls, ASPNETCORE_URLS), <c>http_ports</c>/<c>https_ports</c> and Kestrel endpoints.</summary>
    public static IReadOnlyList<string> ListenUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = new List<string>();
        urls.AddRange(Split(configuration["urls"]));
        urls.AddRange(Split(configuration["http_ports"]).Select(port => "http://*:" + port));
        urls.AddRange(Split(configuration["https_ports"]).Select(port => "https://*:" + port));
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and ::1; false for wildcards (*, +, 0.0.0.0, ::) and any other host.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? authority : authority[1..close];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
