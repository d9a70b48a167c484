using Microsoft.AspNetCore.Components;
using MudBlazor;
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
    private AnalysisLibrary Library { get; set; } = default!;

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
            if (!await Library.RenameAsync(id, _newName))
            {
                _error = "That analysis no longer exists.";
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
        await Library.DeleteAsync(id);
        _deleting = null;
        Snackbar.Add("Analysis deleted.", Severity.Info);
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
            Logger.LogError(ex, "A saved-analysis operation failed.");
            _error = "That did not work: " + ex.Message;
            Snackbar.Add(_error, Severity.Error);
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _items = await Library.Store.ListAsync();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            Logger.LogError(ex, "Listing saved analyses failed.");
            _error = "The saved analyses could not be read: " + ex.Message;
            _items = [];
        }
    }
}
