namespace SegmentDashboard.Storage;

/// <summary>
/// Saved analyses seen through their owners: every UI and API action on a saved analysis goes
/// through here, so who may see, open, rename, delete, share and audit what is decided in one
/// place (<see cref="AnalysisAccessRules"/>), and each action lands in the audit trail.
/// </summary>
public sealed class OwnedAnalyses
{
    private readonly AnalysisLibrary _library;
    private readonly SharingStore _sharing;
    private readonly AuditLog _audit;

    public OwnedAnalyses(AnalysisLibrary library, SharingStore sharing, AuditLog audit)
    {
        _library = library;
        _sharing = sharing;
        _audit = audit;
    }

    public AnalysisLibrary Library => _library;

    public Task<IReadOnlyList<SavedAnalysisSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default) =>
        _library.Store.ListAsync(actor, cancellationToken);

    public Task<AnalysisAccess> AccessAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        _library.Store.AccessAsync(id, actor, cancellationToken);

    /// <summary>Saves a run owned by <paramref name="actor"/> (personal mode: the implicit owner).</summary>
    public async Task<string> SaveAsync(Actor actor, string name, Core.Segmentation.SegmentationResult result, IReadOnlyList<string> segmentNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var id = await _library.Store.SaveAsync(name, result, segmentNames, actor.Name, cancellationToken);
        await _audit.RecordAsync(actor.Name, AuditActions.Created, id, null, cancellationToken);
        return id;
    }

    /// <summary>The analysis reopened for <paramref name="actor"/>, or null when it does not exist or is not theirs to see.</summary>
    public async Task<OpenedAnalysis?> OpenAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        if (await AccessAsync(actor, id, cancellationToken) == AnalysisAccess.None)
        {
            return null;
        }

        var opened = await _library.OpenAsync(id, cancellationToken);
        if (opened is not null)
        {
            await _audit.RecordAsync(actor.Name, AuditActions.Opened, id, null, cancellationToken);
        }

        return opened;
    }

    /// <summary>
    /// What /a/{key} shows: an active capability link's analysis (anyone holding it), or, for a
    /// signed-in actor, an analysis id they may see. Null otherwise (the page answers 404, no hint).
    /// </summary>
    public async Task<PageAccess?> ResolvePageAsync(Actor? actor, string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (await _sharing.ResolveAsync(key, cancellationToken) is { } link)
        {
            return new PageAccess(link.AnalysisId, link.IncludeData, ViaLink: true, AnalysisAccess.Read);
        }

        if (actor is null)
        {
            return null;
        }

        var access = await AccessAsync(actor, key, cancellationToken);
        return access == AnalysisAccess.None ? null : new PageAccess(key, IncludeData: true, ViaLink: false, access);
    }

    /// <summary>Opens what <paramref name="page"/> grants (from <see cref="ResolvePageAsync"/>), recording who opened it.</summary>
    public async Task<OpenedAnalysis?> OpenPageAsync(Actor? actor, PageAccess page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var opened = await _library.OpenAsync(page.AnalysisId, cancellationToken);
        if (opened is not null)
        {
            await _audit.RecordAsync(actor?.Name ?? "anonymous", page.ViaLink ? AuditActions.OpenedByLink : AuditActions.Opened, page.AnalysisId, null, cancellationToken);
        }

        return opened;
    }

    public Task<AccessOutcome> RenameAsync(Actor actor, string id, string name, CancellationToken cancellationToken = default) =>
        ManageAsync(actor, id, AuditActions.Renamed, null, ct => _library.RenameAsync(id, name, ct), cancellationToken);

    public Task<AccessOutcome> DeleteAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        ManageAsync(actor, id, AuditActions.Deleted, null, ct => _library.DeleteAsync(id, ct), cancellationToken);

    public Task<AccessOutcome> ShareWithAsync(Actor actor, string id, string userName, CancellationToken cancellationToken = default) =>
        ManageAsync(actor, id, AuditActions.Shared, userName.Trim(), async ct =>
        {
            await _sharing.ShareWithAsync(id, userName, ct);
            return true;
        }, cancellationToken);

    public Task<AccessOutcome> UnshareAsync(Actor actor, string id, string userName, CancellationToken cancellationToken = default) =>
        ManageAsync(actor, id, AuditActions.Unshared, userName.Trim(), ct => _sharing.UnshareAsync(id, userName, ct), cancellationToken);

    public async Task<(AccessOutcome Outcome, CreatedShareLink? Link)> CreateLinkAsync(Actor actor, string id, bool includeData, DateTimeOffset? expiresUtc, CancellationToken cancellationToken = default)
    {
        CreatedShareLink? created = null;
        var detail = (includeData ? "with data" : "without data") + (expiresUtc is { } e ? ", expires " + SharingStore.Format(e) : ", no expiry");
        var outcome = await ManageAsync(actor, id, AuditActions.LinkCreated, detail, async ct =>
        {
            created = await _sharing.CreateLinkAsync(id, includeData, expiresUtc, actor.Name, ct);
            return true;
        }, cancellationToken);
        return (outcome, created);
    }

    public Task<AccessOutcome> RevokeLinkAsync(Actor actor, string id, string linkId, CancellationToken cancellationToken = default) =>
        ManageAsync(actor, id, AuditActions.LinkRevoked, linkId, ct => _sharing.RevokeLinkAsync(id, linkId, ct), cancellationToken);

    /// <summary>Shares and links of an analysis the actor manages; null when not theirs to manage.</summary>
    public async Task<(IReadOnlyList<AnalysisShare> Shares, IReadOnlyList<ShareLink> Links)?> SharingAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        if (await AccessAsync(actor, id, cancellationToken) != AnalysisAccess.Manage)
        {
            return null;
        }

        return (await _sharing.SharesAsync(id, cancellationToken), await _sharing.LinksAsync(id, cancellationToken));
    }

    /// <summary>
    /// The audit trail: of one analysis for its owner or an administrator, of everything
    /// (<paramref name="id"/> null) for an administrator. Null when not theirs to read.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>?> AuditAsync(Actor actor, string? id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = id is null ? actor.IsAdmin : await AccessAsync(actor, id, cancellationToken) == AnalysisAccess.Manage;
        return allowed ? await _audit.ReadAsync(id, cancellationToken) : null;
    }

    private async Task<AccessOutcome> ManageAsync(Actor actor, string id, string action, string? detail, Func<CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        switch (await AccessAsync(actor, id, cancellationToken))
        {
            case AnalysisAccess.None:
                return AccessOutcome.NotFound;
            case AnalysisAccess.Read:
                return AccessOutcome.Forbidden;
        }

        if (!await change(cancellationToken))
        {
            return AccessOutcome.NotFound;
        }

        await _audit.RecordAsync(actor.Name, action, id, detail, cancellationToken);
        return AccessOutcome.Done;
    }
}
