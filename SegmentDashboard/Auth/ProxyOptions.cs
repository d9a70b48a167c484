namespace SegmentDashboard.Auth;

/// <summary>Configuration section <c>Proxy</c>: which reverse proxies' forwarded headers are believed.</summary>
public sealed record ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>CIDR networks of trusted proxies (e.g. <c>10.0.0.0/8</c>). Empty: forwarded headers are ignored.</summary>
    public IReadOnlyList<string> KnownNetworks { get; init; } = [];

    /// <summary>Single trusted proxy addresses (e.g. <c>10.1.2.3</c>).</summary>
    public IReadOnlyList<string> KnownProxies { get; init; } = [];

    public bool Any => KnownNetworks.Count > 0 || KnownProxies.Count > 0;
}
