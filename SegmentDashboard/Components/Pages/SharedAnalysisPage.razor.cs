using System.Collections.Immutable;
using Microsoft.AspNetCore.Components;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Reports;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Pages;

/// <summary>
/// /a/{id}: a saved analysis, read-only, for reviewers. The saved settings are re-run on the saved
/// dataset (deterministic for the seed) to rebuild the charts; the labels are checked against the
/// saved ones and the saved segment names are shown. No editing controls.
/// </summary>
public sealed partial class SharedAnalysisPage
{
    internal const string MismatchText =
        "Re-running the saved settings did not reproduce the saved segment labels (the engine may have changed since). "
        + "Charts and profiles below come from the re-run; the exported customer ids use the labels as saved.";

    private OpenedAnalysis? _opened;
    private ImmutableArray<ChartSpec> _charts;
    private bool _notFound;
    private string? _error;

    [Parameter]
    public string Id { get; set; } = string.Empty;

    [Inject]
    private AnalysisLibrary Library { get; set; } = default!;

    [Inject]
    private ILogger<SharedAnalysisPage> Logger { get; set; } = default!;

    internal static string SettingsText(SegmentationRequest request) => request.Algorithm switch
    {
        ClusteringAlgorithm.Hierarchical => $"hierarchical ({request.Linkage.ToString().ToLowerInvariant()})",
        ClusteringAlgorithm.Dbscan => $"DBSCAN (eps {request.Eps.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}, min samples {request.MinSamples})",
        _ => $"K-means (seed {request.Seed}, {request.Restarts} restarts)",
    } + $", {request.Scaling} scaling";

    protected override async Task OnParametersSetAsync()
    {
        _opened = null;
        _charts = default;
        _notFound = false;
        _error = null;
        try
        {
            _opened = await Library.OpenAsync(Id);
            _notFound = _opened is null;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            Logger.LogError(ex, "Opening saved analysis {Id} failed.", Id);
            _error = ex.Message;
        }
    }

    private ImmutableArray<ChartSpec> Charts(OpenedAnalysis opened)
    {
        if (_charts.IsDefault)
        {
            _charts = AnalysisCharts.For(opened.Result, opened.NamesById());
        }

        return _charts;
    }
}
