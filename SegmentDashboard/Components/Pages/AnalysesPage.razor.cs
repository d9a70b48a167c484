using Microsoft.AspNetCore.Components;
using MudBlazor;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Pages;

/// <summary>/analyses: save the current analysis; list, open, rename and delete saved ones.</summary>
public sealed partial class AnalysesPage
{
    private IReadOnlyList<SavedAnalysisSummary>? _items;
    private static readonly DialogOptions DialogOptions = new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };

    private SavedAnalysisSummary? _renaming;
    private string _newName = string.Empty;
    private SavedAnalysisSummary? _deleting;
    private string? _error;

    [Inject]
    private OwnedAnalyses Analyses { get; set; } = default!;

    [Inject]
    private Auth.CurrentActor CurrentActor { get; set; } = default!;

    /// <summary>The signed-in user (personal mode: the implicit owner); null when nobody is signed in.</summary>
    private Actor? _actor;

    /// <summary>Ids the current user may rename, delete and share (own, or every one for an administrator).</summary>
    private HashSet<string> _manageable = new(StringComparer.Ordinal);

    [Inject]
    private ILogger<AnalysesPage> Logger { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    internal static string AlgorithmText(string algorithm) => algorithm switch
    {
        "KMeans" => "K-means",
        "Hierarchical" => "Hierarchical",
        "Dbscan" => "DBSCAN",
        _ => algorithm,
    };

    protected override Task OnInitializedAsync() => ReloadAsync();

    private void StartRename(SavedAnalysisSummary item)
    {
        _renaming = item;
        _newName = item.Name;
    }

    private async Task RenameAsync()
    {
        if (_renaming is not { Id: var id } || string.IsNullOrWhiteSpace(_newName))
        {
            return;
        }

        await RunAsync(async () =>
        {
            if (_actor is null || await Analyses.RenameAsync(_actor, id, _newName) != AccessOutcome.Done)
            {
                _error = "That analysis no longer exists, or only its owner may rename it.";
            }
            else
            {
                Snackbar.Add($"Renamed to “{_newName.Trim()}”.", Severity.Success);
            }

            _renaming = null;
        });
    }

    private Task DeleteAsync() => _deleting is not { Id: var id } ? Task.CompletedTask : RunAsync(async () =>
    {
        if (_actor is null || await Analyses.DeleteAsync(_actor, id) != AccessOutcome.Done)
        {
            _error = "That analysis no longer exists, or only its owner may delete it.";
        }
        else
        {
            Snackbar.Add("Analysis deleted.", Severity.Info);
        }

        _deleting = null;
    });

    private async Task RunAsync(Func<Task> action)
    {
        _error = null;
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or Microsoft.Data.Sqlite.SqliteException)
        {
            _error = UnexpectedError.Describe(ex, Logger, "That did not work");
            Snackbar.Add(_error, Severity.Error);
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _actor ??= await CurrentActor.GetAsync();
            _items = _actor is null ? [] : await Analyses.ListAsync(_actor);
            _manageable = [];
            foreach (var item in _items)
            {
                if (_actor is not null && await Analyses.AccessAsync(_actor, item.Id) == AnalysisAccess.Manage)
                {
                    _manageable.Add(item.Id);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            _error = UnexpectedError.Describe(ex, Logger, "The saved analyses could not be read");
            _items = [];
        }
    }
}
