using System.Globalization;
using Microsoft.AspNetCore.Components;
using SegmentDashboard.Auth;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Access;

/// <summary>/settings/tokens: create (shown once) and revoke one's personal access tokens.</summary>
public sealed partial class AccessTokensPage
{
    private Actor? _actor;
    private IReadOnlyList<AccessToken> _tokens = [];
    private string _label = string.Empty;
    private string? _created;
    private string? _error;
    private bool _busy;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private AccessTokenStore Tokens { get; set; } = default!;

    internal static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        await ReloadAsync();
    }

    private async Task CreateAsync()
    {
        if (_actor is null || _busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            _created = (await Tokens.CreateAsync(_actor.Name, _label)).Secret;
            _label = string.Empty;
            await ReloadAsync();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            _error = "The token could not be created: " + ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(string id)
    {
        if (_actor is not null)
        {
            await Tokens.RevokeAsync(_actor.Name, id);
            _created = null;
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync() =>
        _tokens = _actor is null || CurrentActor.Mode == AuthMode.Personal ? [] : await Tokens.ListAsync(_actor.Name);
}
