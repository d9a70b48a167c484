namespace SegmentDashboard.Core.Data;

/// <summary>Limits and overrides for <see cref="CsvLoader"/>. Null means "sniff it".</summary>
public sealed record CsvLoadOptions
{
    public char? Delimiter { get; init; }

    public bool? DecimalComma { get; init; }

    /// <summary>Files with more columns are rejected (<see cref="CsvLoadError.TooManyColumns"/>).</summary>
    public int MaxColumns { get; init; } = 5_000;

    /// <summary>Files with more data rows are rejected (<see cref="CsvLoadError.TooManyRows"/>).</summary>
    public int MaxRows { get; init; } = 5_000_000;

    /// <summary>
    /// A single row larger than this many bytes is rejected (<see cref="CsvLoadError.TooLarge"/>); it is
    /// nearly always a quote that is never closed, which would otherwise buffer the rest of the file.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>A categorical column with more distinct values than this (and than half the rows) is text.</summary>
    public int MaxCategoricalLevels { get; init; } = 200;

    /// <summary>For an Excel workbook: the sheet to read (case-insensitive); null means the first.</summary>
    public string? Sheet { get; init; }

    public static CsvLoadOptions Default { get; } = new();
}
