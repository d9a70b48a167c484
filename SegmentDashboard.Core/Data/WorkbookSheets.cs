using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// The sheets of an Excel workbook, so a user can choose which one to read
/// (<see cref="CsvLoadOptions.Sheet"/>); the loader reads the first one unless told otherwise.
/// </summary>
public static class WorkbookSheets
{
    /// <summary>True when the bytes start like a zip archive, which an .xlsx workbook is.</summary>
    public static bool LooksLikeWorkbook(ReadOnlySpan<byte> prefix) => ExcelLoader.LooksLikeWorkbook(prefix);

    /// <summary>
    /// Every sheet's name in workbook order. A stream that is not a workbook throws
    /// <see cref="CsvLoadException"/> with the loader's message.
    /// </summary>
    public static ImmutableArray<string> Read(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        if (workbook.CanSeek)
        {
            return ExcelLoader.SheetNames(workbook);
        }

        using var buffered = new MemoryStream();
        workbook.CopyTo(buffered);
        buffered.Position = 0;
        return ExcelLoader.SheetNames(buffered);
    }
}
