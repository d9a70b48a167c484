namespace SegmentDashboard.Storage;

/// <summary>One line of the audit trail: who did what to which analysis, when. Never customer data.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset AtUtc, string Actor, string Action, string? AnalysisId, string? Detail);

/// <summary>The actions the audit trail records.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Opened = "opened";
    public const string OpenedByLink = "opened-by-link";
    public const string Renamed = "renamed";
    public const string Deleted = "deleted";
    public const string Shared = "shared";
    public const string Unshared = "unshared";
    public const string LinkCreated = "link-created";
    public const string LinkRevoked = "link-revoked";
}
