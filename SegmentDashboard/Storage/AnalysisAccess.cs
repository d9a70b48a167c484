namespace SegmentDashboard.Storage;

/// <summary>What an actor may do with one saved analysis.</summary>
public enum AnalysisAccess
{
    /// <summary>Not visible: answers as if it did not exist.</summary>
    None,

    /// <summary>Shared with the actor: open and export, read-only.</summary>
    Read,

    /// <summary>The owner or an administrator: also rename, delete, share and read the audit trail.</summary>
    Manage,
}

/// <summary>The one place that decides access to a saved analysis.</summary>
public static class AnalysisAccessRules
{
    /// <param name="owner">The stored owner; null for analyses saved before owners existed (administrators only).</param>
    /// <param name="sharedWithActor">The owner shared it with the actor by name.</param>
    public static AnalysisAccess Decide(Actor actor, string? owner, bool sharedWithActor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsAdmin || (owner is not null && actor.Is(owner)))
        {
            return AnalysisAccess.Manage;
        }

        return sharedWithActor ? AnalysisAccess.Read : AnalysisAccess.None;
    }
}
