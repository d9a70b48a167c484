using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Api;

/// <summary>Limits on uploaded files, bound from the configuration section <c>Upload</c>.</summary>
public sealed record UploadOptions
{
    public const string SectionName = "Upload";

    /// <summary>256 MB.</summary>
    public const long DefaultMaxBytes = 268_435_456;

    /// <summary>Largest accepted CSV, in bytes (<c>Upload:MaxBytes</c>); larger uploads get 413.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Files with more columns are refused with a message naming the limit (<c>Upload:MaxColumns</c>).</summary>
    public int MaxColumns { get; init; } = CsvLoadOptions.Default.MaxColumns;

    /// <summary>Files with more data rows are refused with a message naming the limit (<c>Upload:MaxRows</c>).</summary>
    public int MaxRows { get; init; } = CsvLoadOptions.Default.MaxRows;

    /// <summary>The loader options these limits imply (everything else sniffed).</summary>
    public CsvLoadOptions ToLoadOptions() => new() { MaxColumns = MaxColumns, MaxRows = MaxRows };
}
