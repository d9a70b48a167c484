using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Core.Sharing;
using SegmentDashboard.Figures;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Components.Shared;

/// <summary>
/// Upload a CSV with the saved analysis's columns: every row is assigned to the nearest saved
/// segment centre (<see cref="SegmentShift"/>) and the saved and new segment shares are compared.
/// The upload (at most Upload:MaxBytes) streams to a temporary file, then is parsed off the renderer.
/// </summary>
public sealed partial class ApplyToNewData
{
    private const int ChunkSize = 81_920;

    private SegmentShift? _shift;
    private PlotlyFigure? _figure;
    private string? _fileName;
    private string? _error;
    private bool _busy;

    [Inject]
    private SegmentationService Service { get; set; } = default!;

    [Inject]
    private IOptions<UploadOptions> Upload { get; set; } = default!;

    [Parameter, EditorRequired]
    public OpenedAnalysis Opened { get; set; } = default!;

    /// <summary>A grouped bar chart: saved share and new share per segment.</summary>
    internal static PlotlyFigure ShareFigure(SegmentShift shift, Func<int, string> nameOf) => ShareShiftFigure.Build(shift, nameOf);

    private static string ChangeText(double change) =>
        double.IsFinite(change)
            ? (change >= 0 ? "+" : "−") + Math.Abs(change * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " pts"
            : "n/a";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    private async Task OnFileSelectedAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        _error = null;
        _shift = null;
        var maxBytes = Upload.Value.MaxBytes;
        if (file.Size > maxBytes)
        {
            _error = $"'{file.Name}' is {file.Size:N0} bytes; the limit is {maxBytes:N0} bytes (Upload:MaxBytes).";
            return;
        }

        _busy = true;
        var temp = Path.Combine(Path.GetTempPath(), "segmentdashboard-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            // Streamed to a temporary file (never the whole upload in memory), then parsed off the renderer.
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous))
            await using (var source = file.OpenReadStream(maxBytes))
            {
                await source.CopyToAsync(target, ChunkSize);
            }

            Dataset dataset;
            await using (var input = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                dataset = DerivedFeatures.Derive(await Service.LoadCsvAsync(input, file.Name)).Dataset;
            }

            var opened = Opened;
            var shift = await Task.Run(() => SegmentShift.Compute(opened.Result, opened.SavedLabels, dataset));
            _shift = shift;
            _fileName = file.Name;
            _figure = ShareFigure(shift, opened.SegmentName);
        }
        catch (CsvLoadException ex)
        {
            _error = $"'{file.Name}' could not be read: {ex.Describe()}";
        }
        catch (ArgumentException ex)
        {
            _error = ex.Message.Replace(" (Parameter 'newData')", string.Empty, StringComparison.Ordinal);
        }
        catch (IOException ex)
        {
            _error = $"'{file.Name}' could not be read: {ex.Message}";
        }
        finally
        {
            _busy = false;
            TryDelete(temp);
        }
    }
}
