using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
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
    private UploadedWorkbook? _workbook;

    [Inject]
    private SegmentationService Service { get; set; } = default!;

    [Inject]
    private IOptions<UploadOptions> Upload { get; set; } = default!;

    [Inject]
    private ILogger<DataPage> Logger { get; set; } = default!;

    private long MaxBytes => Upload.Value.MaxBytes;

    public static string RowsText(Dataset dataset) => dataset.RowCount.ToString(CultureInfo.InvariantCulture) + (dataset.RowCount == 1 ? " row" : " rows");

    /// <summary>The file's columns, and apart from them the columns derived from its dates ("23 columns + 1 derived from dates").</summary>
    public static string ColumnsText(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var fromFile = dataset.Columns.Length - dataset.Derived.Length;
        var text = fromFile.ToString(CultureInfo.InvariantCulture) + (fromFile == 1 ? " column" : " columns");
        return dataset.Derived.IsEmpty
            ? text
            : text + " + " + dataset.Derived.Length.ToString(CultureInfo.InvariantCulture) + " derived from dates";
    }

    public static string DialectText(Dataset dataset) => dataset.Dialect switch
    {
        { Sheet: { } sheet } d => $"{d.EncodingName} · sheet '{sheet}'{(d.Sheets.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $" of {d.Sheets.Length}") : string.Empty)}",
        { } d => $"{d.DelimiterName}-separated · {d.EncodingName} · {d.LineEnding} line endings{(d.DecimalComma ? " · decimal comma" : string.Empty)}",
        null => "Built-in sample (generated)",
    };

    /// <summary>An uploaded workbook with several sheets, kept in a temporary file so another sheet can be read.</summary>
    private sealed record UploadedWorkbook(string FileName, string Path, ImmutableArray<string> Sheets, string Sheet);

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 10 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    protected override void Dispose(bool disposing)
    {
        _uploadCts?.Cancel();
        _uploadCts?.Dispose();
        DiscardWorkbook();
        base.Dispose(disposing);
    }

    private void LoadSample()
    {
        State.UseDataset(Service.Sample());
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

        var ct = RestartUpload();
        DiscardWorkbook();
        var temp = Path.Combine(Path.GetTempPath(), "segmentdashboard-" + Guid.NewGuid().ToString("N") + ".csv");
        var keep = false;
        _uploading = true;
        _uploadFraction = 0;
        _uploadStage = $"Uploading {file.Name}…";
        State.BeginLoading(_uploadStage, 0);
        try
        {
            await GuardAsync(file.Name, async () =>
            {
                await CopyToTempFileAsync(file, temp, maxBytes, ct);
                var sheets = await Task.Run(() => ReadSheets(temp), ct);
                if (sheets.Length > 1)
                {
                    // Several sheets: keep the workbook (until the next upload or the page closes) so another can be chosen.
                    _workbook = new UploadedWorkbook(file.Name, temp, sheets, sheets[0]);
                    keep = true;
                }

                await LoadFileAsync(temp, file.Name, sheet: null, ct);
            }, ct);
        }
        finally
        {
            _uploading = false;
            if (!keep)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>Reads another sheet of the workbook uploaded last.</summary>
    private async Task ChooseSheetAsync(string sheet)
    {
        if (_workbook is not { } workbook || !workbook.Sheets.Contains(sheet))
        {
            return;
        }

        var ct = RestartUpload();
        _workbook = workbook with { Sheet = sheet };
        _uploading = true;
        _uploadFraction = 0.5;
        _uploadStage = $"Reading sheet '{sheet}' of {workbook.FileName}…";
        State.BeginLoading(_uploadStage, _uploadFraction);
        try
        {
            await GuardAsync(workbook.FileName, () => LoadFileAsync(workbook.Path, workbook.FileName, sheet, ct), ct);
        }
        finally
        {
            _uploading = false;
        }
    }

    private CancellationToken RestartUpload()
    {
        _uploadCts?.Cancel();
        _uploadCts?.Dispose();
        _uploadCts = new CancellationTokenSource();
        return _uploadCts.Token;
    }

    /// <summary>The sheets of a workbook file; empty for any other file (a CSV is read as it is).</summary>
    private static ImmutableArray<string> ReadSheets(string path)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        Span<byte> prefix = stackalloc byte[4];
        var read = input.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (!WorkbookSheets.LooksLikeWorkbook(prefix[..read]))
        {
            return [];
        }

        input.Position = 0;
        return WorkbookSheets.Read(input);
    }

    /// <summary>Loads the uploaded file (for a workbook, <paramref name="sheet"/> or the first sheet) and makes it current.</summary>
    private async Task LoadFileAsync(string path, string fileName, string? sheet, CancellationToken ct)
    {
        _uploadStage = sheet is null ? $"Reading {fileName}…" : $"Reading sheet '{sheet}' of {fileName}…";

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
            await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            dataset = await Service.LoadCsvAsync(input, fileName, Upload.Value.ToLoadOptions() with { Sheet = sheet }, progress, ct);
        }
        finally
        {
            reading = false;
        }

        State.UseDataset(DerivedFeatures.Derive(dataset).Dataset);
    }

    /// <summary>Runs one load; every failure becomes a message naming the file, and the dataset the user had stays.</summary>
    private async Task GuardAsync(string fileName, Func<Task> load, CancellationToken ct)
    {
        try
        {
            await load();
        }
        catch (CsvLoadException ex)
        {
            var other = _workbook is { } workbook && workbook.FileName == fileName
                ? $" This workbook has other sheets ({string.Join(", ", workbook.Sheets.Where(s => s != workbook.Sheet).Select(s => "'" + s + "'"))}): choose one under Load data."
                : string.Empty;
            State.FailLoading($"{fileName}: {ex.Describe()}{other}");
        }
        catch (IOException ex)
        {
            // The exception text can name server paths (the temporary file): log it, never show it.
            Logger.LogWarning(ex, "Reading upload {FileName} failed", fileName);
            State.FailLoading($"'{fileName}' could not be read completely; the upload was interrupted or the file is unreadable. Please try again.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            State.FailLoading($"Loading '{fileName}' was cancelled.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Anything unexpected must not end the user's circuit or leak details; the dataset they had stays.
            Logger.LogError(ex, "Loading upload {FileName} failed unexpectedly", fileName);
            State.FailLoading($"'{fileName}' could not be loaded because of an unexpected error. The dataset you had is still loaded.");
        }
    }

    private void DiscardWorkbook()
    {
        if (_workbook is { } workbook)
        {
            _workbook = null;
            TryDelete(workbook.Path);
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
