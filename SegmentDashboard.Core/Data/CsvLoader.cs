namespace SegmentDashboard.Core.Data;

/// <summary>
/// Reads a CSV file into a columnar <see cref="Dataset"/>: sniffs encoding, delimiter and decimal
/// comma, repairs the header, infers column kinds. Failures throw <see cref="CsvLoadException"/>.
/// </summary>
public static class CsvLoader
{
    /// <summary>Loads a whole stream (read once, streaming). The stream is not disposed.</summary>
    public static Dataset Load(
        Stream stream,
        string name,
        CsvLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("Owned by the ingest work package.");
    }

    /// <summary>Convenience for tests and small inputs.</summary>
    public static Dataset LoadText(string csv, string name = "data.csv", CsvLoadOptions? options = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        return Load(stream, name, options);
    }
}
