namespace SegmentDashboard.Storage;

/// <summary>The result of an action on an analysis the actor may or may not manage.</summary>
public enum AccessOutcome
{
    Done,

    /// <summary>Does not exist, or the actor may not see it (the same answer, so existence does not leak).</summary>
    NotFound,

    /// <summary>Visible to the actor (shared with them) but only its owner or an administrator may do this.</summary>
    Forbidden,
}

/// <summary>How a page /a/{key} may show an analysis: which one, and whether the customer rows may be shown.</summary>
/// <param name="ViaLink">Opened through a capability link (not by a signed-in user's own access).</param>
public sealed record PageAccess(string AnalysisId, bool IncludeData, bool ViaLink, AnalysisAccess Access);
