using Microsoft.AspNetCore.Components;
using MudBlazor;
using SegmentDashboard.Auth;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Access;

/// <summary>
/// The sharing panel of one saved analysis, for its owner or an administrator (others get
/// nothing from <see cref="OwnedAnalyses"/>): share with a user by name, create a capability link
/// (optional expiry, "include data"), revoke links, read the analysis's audit trail.
/// </summary>
public sealed partial class AnalysisSharing
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private bool _open;
    private string _user = string.Empty;
    private bool _includeData;
    private int _expiresDays = 30;
    private string? _newLink;
    private string? _error;
    private int _auditVersion;
    private IReadOnlyList<AnalysisShare> _shares = [];
    private IReadOnlyList<ShareLink> _links = [];

    [Inject]
    private OwnedAnalyses Analyses { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    /// <summary>Team mode's user directory (personal mode has none: sharing by name is for teams).</summary>
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private IUserDirectory? Users => Services.GetService<IUserDirectory>();

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Parameter, EditorRequired]
    public string AnalysisId { get; set; } = string.Empty;

    [Parameter]
    public string AnalysisName { get; set; } = string.Empty;

    private string LinkState(ShareLink link) =>
        link.RevokedUtc is { } revoked ? "revoked " + AccessTokensPage.Utc(revoked)
        : link.ExpiresUtc is { } expires && !link.IsActive(Time.GetUtcNow()) ? "expired " + AccessTokensPage.Utc(expires)
        : link.ExpiresUtc is { } until ? "active until " + AccessTokensPage.Utc(until)
        : "active, no expiry";

    private async Task OpenAsync()
    {
        _newLink = null;
        _error = null;
        _open = true;
        await ReloadAsync();
    }

    private Task ShareAsync() => ActAsync(async actor =>
    {
        var user = _user.Trim();
        if (user.Length == 0)
        {
            return "Enter the user name to share with.";
        }

        if (Users is not null && !await Users.ExistsAsync(user))
        {
            return $"There is no user '{user}'.";
        }

        _user = string.Empty;
        return Message(await Analyses.ShareWithAsync(actor, AnalysisId, user));
    });

    private Task UnshareAsync(string user) => ActAsync(async actor => Message(await Analyses.UnshareAsync(actor, AnalysisId, user)));

    private Task CreateLinkAsync() => ActAsync(async actor =>
    {
        DateTimeOffset? expires = _expiresDays > 0 ? Time.GetUtcNow().AddDays(Math.Min(_expiresDays, 366)) : null;
        var (outcome, link) = await Analyses.CreateLinkAsync(actor, AnalysisId, _includeData, expires);
        _newLink = link is null ? null : Navigation.ToAbsoluteUri(link.Path).ToString();
        return Message(outcome);
    });

    private Task RevokeAsync(string linkId) => ActAsync(async actor => Message(await Analyses.RevokeLinkAsync(actor, AnalysisId, linkId)));

    private async Task ActAsync(Func<Actor, Task<string?>> action)
    {
        _error = null;
        try
        {
            _error = await CurrentActor.GetAsync() is { } actor ? await action(actor) : "Sign in to share.";
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or Microsoft.Data.Sqlite.SqliteException)
        {
            _error = "That did not work: " + ex.Message;
        }

        await ReloadAsync();
    }

    private static string? Message(AccessOutcome outcome) => outcome switch
    {
        AccessOutcome.Done => null,
        AccessOutcome.Forbidden => "Only the owner or an administrator may change sharing.",
        _ => "That analysis or link no longer exists.",
    };

    private async Task ReloadAsync()
    {
        _auditVersion++;
        if (await CurrentActor.GetAsync() is { } actor && await Analyses.SharingAsync(actor, AnalysisId) is { } sharing)
        {
            (_shares, _links) = sharing;
        }
    }
}
