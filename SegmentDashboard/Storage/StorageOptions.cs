namespace SegmentDashboard.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed record StorageOptions
{
    /// <summary>
    /// Folder of the SQLite database (<c>segmentdashboard.db</c>), created on first use.
    /// Relative paths are relative to the app's content root. Default: <c>data</c>.
    /// </summary>
    public string Path { get; init; } = "data";
}
