namespace SegmentDashboard.Api;

/// <summary>
/// Limits that keep the HTTP API from exhausting the server, bound from the configuration section
/// <c>Api</c> and validated at start-up.
/// </summary>
public sealed record ApiProtectionOptions
{
    public const string SectionName = "Api";

    /// <summary>Requests per client (remote address) per <see cref="WindowSeconds"/> on /api/* (<c>Api:PermitsPerWindow</c>).</summary>
    public int PermitsPerWindow { get; init; } = 600;

    /// <summary>Length of the per-client window in seconds (<c>Api:WindowSeconds</c>).</summary>
    public int WindowSeconds { get; init; } = 60;

    /// <summary>Segmentation runs (POST /api/segment, /api/export/labeled-csv) at once, server-wide (<c>Api:MaxConcurrentRuns</c>).</summary>
    public int MaxConcurrentRuns { get; init; } = 2;

    /// <summary>Runs waiting for a slot; beyond, 429 with Retry-After (<c>Api:RunQueueLength</c>).</summary>
    public int RunQueueLength { get; init; } = 4;

    /// <summary>Time budget of one API request in seconds, fractions allowed; beyond, the run is cancelled and the answer is 503 (<c>Api:RequestTimeoutSeconds</c>).</summary>
    public double RequestTimeoutSeconds { get; init; } = 120;

    /// <summary>Seconds a rejected client is told to wait (Retry-After).</summary>
    public int RetryAfterSeconds { get; init; } = 10;

    /// <summary>Why the options are invalid, or null.</summary>
    public string? Problem() =>
        PermitsPerWindow < 1 ? "Api:PermitsPerWindow must be at least 1."
        : WindowSeconds < 1 ? "Api:WindowSeconds must be at least 1."
        : MaxConcurrentRuns < 1 ? "Api:MaxConcurrentRuns must be at least 1."
        : RunQueueLength < 0 ? "Api:RunQueueLength must be 0 or more."
        : !(RequestTimeoutSeconds > 0 && RequestTimeoutSeconds <= int.MaxValue / 1000) ? "Api:RequestTimeoutSeconds must be a positive number of seconds (fractions allowed)."
        : RetryAfterSeconds < 1 ? "Api:RetryAfterSeconds must be at least 1."
        : null;
}
