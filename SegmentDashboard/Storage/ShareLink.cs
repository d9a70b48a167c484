namespace SegmentDashboard.Storage;

/// <summary>
/// A capability link /a/{token} to one analysis: read-only, revocable, optionally expiring. Only
/// the token's hash is stored, so the link is shown once, when it is created.
/// </summary>
/// <param name="IncludeData">The owner ticked "include data": the link also offers the customer rows (labeled CSV, ids, hover).</param>
public sealed record ShareLink(
    string Id,
    string AnalysisId,
    bool IncludeData,
    string CreatedBy,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? ExpiresUtc,
    DateTimeOffset? RevokedUtc)
{
    /// <summary>Opens the analysis at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedUtc is null && (ExpiresUtc is null || now < ExpiresUtc);
}

/// <summary>A link just created: the record and the one-time token of its URL.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Token)
{
    /// <summary>The page's path, /a/{token}.</summary>
    public string Path => "/a/" + Token;
}

/// <summary>A user an analysis is shared with (read-only).</summary>
public sealed record AnalysisShare(string AnalysisId, string UserName, DateTimeOffset CreatedUtc);
