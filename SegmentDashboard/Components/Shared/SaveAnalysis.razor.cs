using Microsoft.AspNetCore.Components;
using MudBlazor;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Shared;

/// <summary>The "Save analysis" form: name input, button, and the stable /a/{id} link once saved.</summary>
public sealed partial class SaveAnalysis
{
    private string _name = string.Empty;
    private bool _saving;
    private string? _savedId;
    private string? _error;

    [Inject]
    private OwnedAnalyses Analyses { get; set; } = default!;

    [Inject]
    private Auth.CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ILogger<SaveAnalysis> Logger { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Raised with the new id after a successful save.</summary>
    [Parameter]
    public EventCallback<string> OnSaved { get; set; }

    private async Task SaveAsync()
    {
        if (State.Result is not { } result || string.IsNullOrWhiteSpace(_name) || _saving)
        {
            return;
        }

        _saving = true;
        _error = null;
        _savedId = null;
        try
        {
            var names = AnalysisLibrary.NamesFor(result, State.SegmentName);
            if (await CurrentActor.GetAsync() is not { } actor)
            {
                _error = "Sign in to save analyses.";
                return;
            }

            _savedId = await Analyses.SaveAsync(actor, _name.Trim(), result, names);
            Snackbar.Add($"Saved “{_name.Trim()}”.", Severity.Success);
            await OnSaved.InvokeAsync(_savedId);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or Microsoft.Data.Sqlite.SqliteException)
        {
            _error = UnexpectedError.Describe(ex, Logger, "The analysis could not be saved");
            Snackbar.Add(_error, Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }
}
