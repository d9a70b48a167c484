using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Pages;

/// <summary>The Profiles tab: one card per segment, the z-score heatmap, radar, comparison and CSV export.</summary>
public sealed partial class ProfilesPage
{
    private readonly FigureMemo _figures = new();
    private bool _exporting;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The labeled CSV's file name: the dataset's name without extension, plus "-segments.csv".</summary>
    public static string ExportFileName(string datasetName)
    {
        var stem = Path.GetFileNameWithoutExtension(datasetName);
        var safe = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return (safe.Length == 0 ? "customers" : safe) + "-segments.csv";
    }

    private static string EffectClass(double? effect) => effect switch
    {
        >= 0.5 => "cell-up",
        <= -0.5 => "cell-down",
        _ => string.Empty,
    };

    private PlotlyFigure HeatmapFigure(SegmentationResult result, IReadOnlyDictionary<int, string> names) =>
        _figures.Get("heatmap", () => ProfileFigures.ZScoreHeatmap(result.Profiles, names), result, string.Join('\u001f', names.Values));

    private PlotlyFigure RadarFigure(SegmentationResult result, IReadOnlyDictionary<int, string> names) =>
        _figures.Get("radar", () => ProfileFigures.Radar(result.Profiles, names), result, string.Join('\u001f', names.Values));

    private async Task ExportCsvAsync()
    {
        if (State.Result is not { } result)
        {
            return;
        }

        _exporting = true;
        try
        {
            var names = State.SegmentNames();
            var segmentNames = Enumerable.Range(0, Math.Max(result.ClusterCount, names.Count == 0 ? 0 : names.Keys.Max() + 1))
                .Select(id => names.TryGetValue(id, out var name) ? name : State.SegmentName(id))
                .ToArray();
            var buffer = new MemoryStream();
            await Task.Run(() => LabeledCsvWriter.Write(buffer, result.Dataset, result.RowLabels.AsSpan(), segmentNames));
            buffer.Position = 0;
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
            using var stream = new DotNetStreamReference(buffer);
            await module.InvokeVoidAsync("downloadFromStream", ExportFileName(result.Dataset.Name), "text/csv", stream);
        }
        catch (JSDisconnectedException)
        {
        }
        finally
        {
            _exporting = false;
        }
    }
}
