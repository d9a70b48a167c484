namespace SegmentDashboard.Api;

/// <summary>Limits on uploaded files, bound from the configuration section <c>Upload</c>.</summary>
public sealed record UploadOptions
{
    public const string SectionName = "Upload";

    /// <summary>256 MB.</summary>
    public const long DefaultMaxBytes = 268_435_456;

    /// <summary>Largest accepted CSV, in bytes (<c>Upload:MaxBytes</c>); larger uploads get 413.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
