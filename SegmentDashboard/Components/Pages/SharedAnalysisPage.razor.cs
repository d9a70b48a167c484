using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Pages;

/// <summary>
/// /a/{id}: a saved analysis, read-only, for reviewers. The saved settings are re-run on the saved
/// dataset (deterministic for the seed) to rebuild the charts; the labels are checked against the
/// saved ones and the saved segment names are shown. No editing controls.
/// Reached by a capability link /a/{token} (anyone holding it; customer rows only when the owner
/// ticked "include data") or by an analysis id the signed-in user may see.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed partial class SharedAnalysisPage
{
    internal const string MismatchText =
        "Re-running the saved settings did not reproduce the saved segment labels (the engine may have changed since). "
        + "Charts and profiles below come from the re-run; the exported customer ids use the labels as saved.";

    private OpenedAnalysis? _opened;
    private PageAccess? _access;
    private ImmutableArray<ChartSpec> _charts;
    private bool _notFound;
    private string? _error;

    [Parameter]
    public string Id { get; set; } = string.Empty;

    [Inject]
    private OwnedAnalyses Analyses { get; set; } = default!;

    [Inject]
    private Auth.CurrentActor CurrentActor { get; set; } = default!;

    /// <summary>The customer rows may be shown (labeled CSV, ids, hover on the scatter): own access, or a link with "include data".</summary>
    private bool IncludeData => _access?.IncludeData == true;

    [Inject]
    private ILogger<SharedAnalysisPage> Logger { get; set; } = default!;

    internal static string SettingsText(SegmentationRequest request) => request.Algorithm switch
    {
        ClusteringAlgorithm.Hierarchical => $"hierarchical ({request.Linkage.ToString().ToLowerInvariant()})",
        ClusteringAlgorithm.Dbscan => $"DBSCAN (eps {request.Eps.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}, min samples {request.MinSamples})",
        ClusteringAlgorithm.KPrototypes => $"K-prototypes (seed {request.Seed}, {request.Restarts} restarts, gamma {(request.Gamma is { } gamma ? gamma.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "default")})",
        _ => $"K-means (seed {request.Seed}, {request.Restarts} restarts)",
    } + (request.Scaling == Core.Preprocessing.ScalingMethod.None ? ", no scaling" : $", {ChoiceLabels.Scaling(request.Scaling)} scaling");

    protected override async Task OnParametersSetAsync()
    {
        _opened = null;
        _charts = default;
        _notFound = false;
        _error = null;
        try
        {
            var actor = await CurrentActor.GetAsync();
            _access = await Analyses.ResolvePageAsync(actor, Id);
            _opened = _access is null ? null : await Analyses.OpenPageAsync(actor, _access);
            _notFound = _opened is null;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            _error = UnexpectedError.Describe(ex, Logger, "This analysis could not be opened");
        }
    }

    private ImmutableArray<ChartSpec> Charts(OpenedAnalysis opened)
    {
        if (_charts.IsDefault)
        {
            var charts = AnalysisCharts.For(opened.Result, opened.NamesById());

            // Without "include data" no customer row reaches the browser: the scatter's hover shows rows.
            _charts = IncludeData ? charts : charts.RemoveAll(c => c.TestId == "chart-scatter");
        }

        return _charts;
    }
}
