using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.Extensions.Options;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Components.Pages;

/// <summary>The Data tab: upload (streamed to a temporary file, then loaded), column kinds and features, preview.</summary>
public sealed partial class DataPage
{
    private const int ChunkSize = 128 * 1024;

    private CancellationTokenSource? _uploadCts;
    private bool _uploading;
    private double _uploadFraction;
    private string _uploadStage = string.Empty;

    [Inject]
    private SegmentationService Service { get; set; } = default!;

    [Inject]
    private IOptions<UploadOptions> Upload { get; set; } = default!;

    [Inject]
    private ILogger<DataPage> Logger { get; set; } = default!;

    private long MaxBytes => Upload.Value.MaxBytes;

    private string UploadPercent => Math.Clamp(_uploadFraction * 100, 1, 100).ToString("0", CultureInfo.InvariantCulture);

    public static string RowsText(Dataset dataset) => dataset.RowCount.ToString(CultureInfo.InvariantCulture) + (dataset.RowCount == 1 ? " row" : " rows");

    /// <summary>
    /// Column rows listed at most: each row holds two MudSelects, and thousands of them took the
    /// circuit a minute to render (a 3,000-column file blocked the next upload).
    /// </summary>
    public const int MaxColumnRows = 200;

    public static string ColumnsText(Dataset dataset) => dataset.Columns.Length.ToString(CultureInfo.InvariantCulture) + (dataset.Columns.Length == 1 ? " column" : " columns");

    public static string DialectText(Dataset dataset) => dataset.Dialect is { } d
        ? $"{d.DelimiterName}-separated · {d.EncodingName} · {d.LineEnding} line endings{(d.DecimalComma ? " · decimal comma" : string.Empty)}"
        : "Built-in sample (generated)";

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 10 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    /// <summary>The loader's message, with line and column added when the message does not name them.</summary>
    public static string Describe(CsvLoadException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        if (exception.Line is { } line && !message.Contains("line", StringComparison.OrdinalIgnoreCase))
        {
            message += exception.Column is { } column
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line}, column {column})")
                : string.Create(CultureInfo.InvariantCulture, $" (line {line})");
        }

        return message;
    }

    protected override void Dispose(bool disposing)
    {
        _uploadCts?.Cancel();
        _uploadCts?.Dispose();
        base.Dispose(disposing);
    }

    private void LoadSample()
    {
        State.UseDataset(Service.Sample());
    }

    private ValueTask<ItemsProviderResult<int>> LoadRowsAsync(ItemsProviderRequest request)
    {
        var total = State.Dataset?.RowCount ?? 0;
        var start = Math.Min(request.StartIndex, total);
        var count = Math.Min(request.Count, total - start);
        return ValueTask.FromResult(new ItemsProviderResult<int>(Enumerable.Range(start, count), total));
    }

    private async Task OnFileSelectedAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        var maxBytes = MaxBytes;
        if (file.Size > maxBytes)
        {
            // The browser told us the size: refuse before reading a byte.
            State.FailLoading($"'{file.Name}' is {FormatBytes(file.Size)}; the largest file this dashboard accepts is {FormatBytes(maxBytes)}.");
            return;
        }

        _uploadCts?.Cancel();
        _uploadCts?.Dispose();
        _uploadCts = new CancellationTokenSource();
        var ct = _uploadCts.Token;
        var temp = Path.Combine(Path.GetTempPath(), "segmentdashboard-" + Guid.NewGuid().ToString("N") + ".csv");
        _uploading = true;
        _uploadFraction = 0;
        _uploadStage = $"Uploading {file.Name}…";
        State.BeginLoading(_uploadStage, 0);
        try
        {
            await CopyToTempFileAsync(file, temp, maxBytes, ct);
            _uploadStage = $"Reading {file.Name}…";

            // Progress<T> posts each report to the circuit's dispatcher, so a report can run after
            // the load returned, even after the first segmentation of a small file was published.
            // Once reading is over, late reports are dropped: they would set "loading" again for good.
            var reading = true;
            var progress = new Progress<LoadProgress>(p =>
            {
                if (!reading)
                {
                    return;
                }

                _uploadFraction = 0.5 + (p.Fraction / 2);
                State.BeginLoading(p.Stage, _uploadFraction);
            });
            Dataset dataset;
            try
            {
                await using var input = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
                dataset = await Service.LoadCsvAsync(input, file.Name, Upload.Value.ToLoadOptions(), progress, ct);
            }
            finally
            {
                reading = false;
            }

            State.UseDataset(DerivedFeatures.Derive(dataset).Dataset);
        }
        catch (CsvLoadException ex)
        {
            State.FailLoading($"{file.Name}: {Describe(ex)}");
        }
        catch (IOException ex)
        {
            // The exception text can name server paths (the temporary file): log it, never show it.
            Logger.LogWarning(ex, "Reading upload {FileName} failed", file.Name);
            State.FailLoading($"'{file.Name}' could not be read completely; the upload was interrupted or the file is unreadable. Please try again.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            State.FailLoading($"Loading '{file.Name}' was cancelled.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Anything unexpected must not end the user's circuit or leak details; the dataset they had stays.
            Logger.LogError(ex, "Loading upload {FileName} failed unexpectedly", file.Name);
            State.FailLoading($"'{file.Name}' could not be loaded because of an unexpected error. The dataset you had is still loaded.");
        }
        finally
        {
            _uploading = false;
            TryDelete(temp);
        }
    }

    private async Task CopyToTempFileAsync(IBrowserFile file, string path, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[ChunkSize];
        long copied = 0;
        var lastRender = Environment.TickCount64;
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous);
        await using var source = file.OpenReadStream(maxBytes, ct);
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            copied += read;
            if (Environment.TickCount64 - lastRender > 150)
            {
                lastRender = Environment.TickCount64;
                _uploadFraction = file.Size == 0 ? 0.5 : 0.5 * copied / file.Size;
                State.BeginLoading(_uploadStage, _uploadFraction);
                StateHasChanged();
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
