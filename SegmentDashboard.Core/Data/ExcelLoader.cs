using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Excel workbooks (.xlsx) through ExcelDataReader: the first sheet (or <see cref="CsvLoadOptions.Sheet"/>)
/// is turned into CSV text (numbers in the invariant culture, dates as ISO) and read by
/// <see cref="CsvLoader"/>, so kind and meaning inference are exactly those of a CSV file.
/// </summary>
internal static class ExcelLoader
{
    /// <summary>True when the bytes start like a zip archive, which an .xlsx workbook is.</summary>
    public static bool LooksLikeWorkbook(ReadOnlySpan<byte> prefix) =>
        prefix.Length >= 4 && prefix[0] == (byte)'P' && prefix[1] == (byte)'K' && prefix[2] == 3 && prefix[3] == 4;

    public static Dataset Load(Stream workbook, string name, CsvLoadOptions options, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var csv = new MemoryStream();
        ImmutableArray<string> sheets;
        string sheet;
        try
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(workbook, new ExcelReaderConfiguration { LeaveOpen = true });
            sheets = SheetNames(reader);
            sheet = SelectSheet(reader, options.Sheet);
            using var writer = new StreamWriter(csv, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            var rows = 0;
            while (reader.Read())
            {
                if ((++rows & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (rows > options.MaxRows + 1)
                {
                    throw new CsvLoadException(CsvLoadError.TooManyRows, string.Create(CultureInfo.InvariantCulture, $"The sheet has more than {options.MaxRows:N0} data rows, the most this dashboard accepts."));
                }

                for (var c = 0; c < reader.FieldCount; c++)
                {
                    if (c > 0)
                    {
                        writer.Write(',');
                    }

                    writer.Write(Quote(Cell(reader.GetValue(c))));
                }

                writer.Write('\n');
            }
        }
        catch (Exception exception) when (exception is not CsvLoadException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new CsvLoadException(
                CsvLoadError.BinaryContent,
                "This looks like a zip or Excel file, but no workbook sheet could be read from it. Save it as an Excel workbook (.xlsx) or as CSV and try again.");
        }

        csv.Position = 0;
        var dataset = CsvLoader.Load(csv, name, options with { Delimiter = ',', DecimalComma = false }, progress, cancellationToken);
        return dataset with { Dialect = dataset.Dialect! with { EncodingName = "Excel workbook (.xlsx)", Sheet = sheet, Sheets = sheets } };
    }

    /// <summary>Every sheet's name in workbook order; refuses a stream that is not a readable workbook.</summary>
    public static ImmutableArray<string> SheetNames(Stream workbook)
    {
        try
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(workbook, new ExcelReaderConfiguration { LeaveOpen = true });
            return SheetNames(reader);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new CsvLoadException(
                CsvLoadError.BinaryContent,
                "This looks like a zip or Excel file, but no workbook sheet could be read from it. Save it as an Excel workbook (.xlsx) or as CSV and try again.");
        }
    }

    /// <summary>Every sheet's name in workbook order; the reader is left on the first sheet.</summary>
    private static ImmutableArray<string> SheetNames(IExcelDataReader reader)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        do
        {
            names.Add(reader.Name);
        }
        while (reader.NextResult());

        reader.Reset();
        return names.ToImmutable();
    }

    /// <summary>Moves the reader to <paramref name="sheet"/> (the first sheet when null) and returns the sheet's name.</summary>
    private static string SelectSheet(IExcelDataReader reader, string? sheet)
    {
        if (sheet is null)
        {
            return reader.Name;
        }

        var names = new List<string>();
        do
        {
            names.Add(reader.Name);
            if (string.Equals(reader.Name, sheet, StringComparison.OrdinalIgnoreCase))
            {
                return reader.Name;
            }
        }
        while (reader.NextResult());

        throw new CsvLoadException(CsvLoadError.BinaryContent, $"The workbook has no sheet named '{sheet}'. Its sheets are: {string.Join(", ", names.Select(n => "'" + n + "'"))}.");
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
