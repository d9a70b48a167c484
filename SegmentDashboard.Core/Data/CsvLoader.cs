using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Reads a CSV file into a columnar <see cref="Dataset"/>: sniffs encoding, delimiter and decimal
/// comma, repairs the header, infers column kinds. Failures throw <see cref="CsvLoadException"/>.
/// </summary>
/// <remarks>
/// <para>
/// The stream is read once, in blocks, by CsvHelper's UTF-8 reader; the first 64 KB are looked at
/// first to choose the encoding (byte order mark, else valid UTF-8, else Windows-1252), refuse
/// binary content, and choose the delimiter, decimal comma and line endings (see
/// <see cref="CsvLoadOptions"/> to force them). Numbers are parsed from the field bytes without a
/// string per cell; a column keeps strings only once a value shows it is not numeric. A text value
/// further on that is not valid UTF-8 in a file whose start was is read as Windows-1252, with a
/// warning.
/// </para>
/// <para>
/// Ragged rows (a field count that differs from the header's): such a row is skipped and reported
/// with an <see cref="IngestWarning"/> naming its line, except that trailing empty fields (a
/// delimiter at the end of every row) are ignored. Loading fails with
/// <see cref="CsvLoadError.RaggedRow"/>, naming the first bad line and its field count against the
/// header's, when more than 10% of the rows and more than 5 rows are ragged, when no row is left,
/// or when the very first data row is so different (one field, or at least twice the header's
/// count) that the delimiter is probably wrong.
/// </para>
/// </remarks>
public static class CsvLoader
{
    private const int PrefixBytes = 64 * 1024;
    private const int BinaryCheckChars = 8 * 1024;
    private const int MaxRaggedWarnings = 50;
    private const int ProgressSteps = 20;


    /// <summary>Loads a whole stream (read once, streaming). The stream is not disposed.</summary>
    public static Dataset Load(
        Stream stream,
        string name,
        CsvLoadOptions? options = null,
        IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= CsvLoadOptions.Default;
        Validate(options);
        cancellationToken.ThrowIfCancellationRequested();

        long? totalBytes = stream.CanSeek ? stream.Length - stream.Position : null;
        var prefix = new byte[PrefixBytes];
        var prefixLength = ReadPrefix(stream, prefix);
        var isWholeFile = prefixLength < PrefixBytes;
        if (ExcelLoader.LooksLikeWorkbook(prefix.AsSpan(0, prefixLength)))
        {
            // An .xlsx workbook is a zip archive, which is read with random access: buffer it.
            using var workbook = new MemoryStream();
            workbook.Write(prefix, 0, prefixLength);
            stream.CopyTo(workbook);
            workbook.Position = 0;
            return ExcelLoader.Load(workbook, name, options, progress, cancellationToken);
        }

        var encoding = EncodingSniffer.Sniff(prefix.AsSpan(0, prefixLength), isWholeFile);
        var text = encoding.Encoding.GetString(prefix, encoding.BomLength, prefixLength - encoding.BomLength);
        if (string.IsNullOrWhiteSpace(text.Replace("\uFEFF", string.Empty, StringComparison.Ordinal)))
        {
            throw new CsvLoadException(CsvLoadError.EmptyFile, "The file is empty: there is no header and no data.");
        }

        if (EncodingSniffer.LooksBinary(text.AsSpan(0, Math.Min(text.Length, BinaryCheckChars))))
        {
            throw new CsvLoadException(
                CsvLoadError.BinaryContent,
                EncodingSniffer.LooksLikeUtf16WithoutBom(prefix.AsSpan(0, prefixLength))
                    ? "This file looks like UTF-16 text without a byte order mark, which cannot be read reliably. Save it as CSV UTF-8 and try again."
                    : "This does not look like a CSV text file (it contains binary data). Export the data as CSV (comma-separated values) and try again.");
        }

        var sniffed = DialectSniffer.Sniff(text, isWholeFile, options.Delimiter, options.DecimalComma);
        var dialect = new CsvDialect(sniffed.Delimiter, encoding.Name, sniffed.DecimalComma, sniffed.LineEnding);
        progress?.Report(new LoadProgress("Reading", 0));

        var readerOptions = new CsvReaderOptions
        {
            Separator = sniffed.Delimiter,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            PoolStrings = true,
            Encoding = encoding.IsUtf8 || encoding.BomLength > 0 ? null : encoding.Encoding,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = ThrowOnUnclosedQuote,
            MaxRecordSize = options.MaxRecordBytes,
        };

        using var source = new PrefixedStream(prefix, prefixLength, stream);
        using var reader = CsvReader.Create(source, readerOptions, true);
        try
        {
            var expectedRows = EstimateRows(prefix.AsSpan(0, prefixLength), totalBytes, options.MaxRows);
            return Read(reader, name, dialect, options, totalBytes, expectedRows, progress, cancellationToken);
        }
        catch (CsvFormatException exception) when (exception.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            throw new CsvLoadException(
                CsvLoadError.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"Row {exception.RecordNumber} (counting the header) is larger than {options.MaxRecordBytes:N0} bytes. This usually means a quote (\") is never closed."),
                exception.LineNumber > 0 ? (int)exception.LineNumber : null,
                inner: exception);
        }
        catch (CsvFormatException exception)
        {
            throw new CsvLoadException(
                CsvLoadError.Unreadable,
                string.Create(CultureInfo.InvariantCulture, $"The file could not be read near record {exception.RecordNumber}: {exception.Message}"),
                exception.LineNumber > 0 ? (int)exception.LineNumber : null,
                inner: exception);
        }
    }

    /// <summary>Convenience for tests and small inputs.</summary>
    public static Dataset LoadText(string csv, string name = "data.csv", CsvLoadOptions? options = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        return Load(stream, name, options);
    }

    // Fully optimized from the first call: the row loop runs once per load, too briefly for tiering to help.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dataset Read(
        CsvReader reader,
        string name,
        CsvDialect dialect,
        CsvLoadOptions options,
        long? totalBytes,
        int expectedRows,
        IProgress<LoadProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (!reader.Read())
        {
            throw new CsvLoadException(CsvLoadError.EmptyFile, "The file is empty: there is no header and no data.");
        }

        // Excel writes "sep=;" as a first line to name the delimiter: skip it.
        if (reader.FieldCount <= 2 && reader.RawRecord.StartsWith("sep="u8) && !reader.Read())
        {
            throw new CsvLoadException(CsvLoadError.EmptyFile, "The file is empty: there is no header and no data.");
        }

        var columnCount = reader.FieldCount;
        if (columnCount > options.MaxColumns)
        {
            throw new CsvLoadException(
                CsvLoadError.TooManyColumns,
                string.Create(CultureInfo.InvariantCulture, $"The header (line 1) has {columnCount:N0} columns; at most {options.MaxColumns:N0} can be loaded."),
                1);
        }

        var warnings = new List<IngestWarning>();
        var rawNames = new string[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            // The raw bytes keep surrounding spaces, so 'Rating ' and 'Rating' can be told apart.
            var raw = System.Text.Encoding.UTF8.GetString(reader.GetRawSpan(c));
            rawNames[c] = raw.TrimStart().StartsWith('"') ? reader.GetString(c) ?? string.Empty : raw;
        }

        var names = HeaderRepair.Repair(rawNames, warnings);
        var builders = new ColumnBuilder[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            builders[c] = new ColumnBuilder(dialect.DecimalComma, expectedRows);
        }

        var rows = 0;
        var ragged = 0;
        (int Line, int Fields)? firstRagged = null;
        var nextProgress = 1.0 / ProgressSteps;
        while (reader.Read())
        {
            var fieldCount = reader.FieldCount;
            if (fieldCount != columnCount && !OnlyEmptyExtras(reader, columnCount, fieldCount))
            {
                var line = (int)reader.LineNumber;
                if (rows == 0 && ragged == 0 && (fieldCount == 1 || columnCount == 1 || fieldCount >= 2 * columnCount))
                {
                    throw new CsvLoadException(
                        CsvLoadError.RaggedRow,
                        string.Create(CultureInfo.InvariantCulture, $"Line {line} has {Fields(fieldCount)} but the header has {columnCount}. The file may not be separated by {dialect.DelimiterName}s; check the delimiter."),
                        line);
                }

                ragged++;
                firstRagged ??= (line, fieldCount);
                if (ragged <= MaxRaggedWarnings)
                {
                    warnings.Add(new IngestWarning(
                        string.Create(CultureInfo.InvariantCulture, $"Line {line} was skipped: it has {Fields(fieldCount)} but the header has {columnCount}."),
                        line));
                }

                continue;
            }

            if (rows == options.MaxRows)
            {
                throw new CsvLoadException(
                    CsvLoadError.TooManyRows,
                    string.Create(CultureInfo.InvariantCulture, $"The file has more than {options.MaxRows:N0} data rows, the most that can be loaded."),
                    (int)reader.LineNumber);
            }

            for (var c = 0; c < columnCount; c++)
            {
                builders[c].Add(reader, c);
            }

            rows++;
            if ((rows & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null && totalBytes is > 0)
                {
                    var fraction = Math.Min(1.0, reader.ByteOffset / (double)totalBytes.Value);
                    if (fraction >= nextProgress)
                    {
                        progress.Report(new LoadProgress("Reading", fraction));
                        nextProgress = (Math.Floor(fraction * ProgressSteps) + 1) / ProgressSteps;
                    }
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        CheckRagged(rows, ragged, firstRagged, columnCount, warnings);
        progress?.Report(new LoadProgress("Inferring column types", 1));

        var columns = ImmutableArray.CreateBuilder<Column>(columnCount);
        var notUtf8 = 0;
        for (var c = 0; c < columnCount; c++)
        {
            var builder = builders[c];
            var isNumeric = builder.IsNumeric;
            var naKept = isNumeric ? 0 : builder.ResolveNaMarkers();
            if (naKept > 0)
            {
                warnings.Add(new IngestWarning(
                    string.Create(CultureInfo.InvariantCulture, $"Column '{names[c]}' holds short codes, so its {naKept} 'NA' value(s) are read as the code NA (e.g. North America), not as missing."),
                    Column: c + 1));
            }

            columns.Add(isNumeric
                ? KindInference.FromNumbers(names[c], builder.TakeNumbers())
                : KindInference.FromStrings(names[c], builder.Strings, dialect.Delimiter, options));
            if (isNumeric && builder.Infinities > 0)
            {
                warnings.Add(new IngestWarning(
                    string.Create(CultureInfo.InvariantCulture, $"Column '{names[c]}' has {builder.Infinities} infinite value(s) (Infinity, inf); they are treated as missing."),
                    Column: c + 1));
            }

            notUtf8 += builder.NotUtf8;
            builders[c] = null!;
        }

        if (notUtf8 > 0 && dialect.EncodingName.StartsWith("UTF-8", StringComparison.Ordinal))
        {
            warnings.Add(new IngestWarning(string.Create(
                CultureInfo.InvariantCulture,
                $"{notUtf8} value(s) after the start of the file were not valid UTF-8 and were read as Windows-1252; check accented letters.")));
        }

        return new Dataset(name, columns.MoveToImmutable(), rows, dialect, [.. warnings]);
    }

    private static void CheckRagged(int rows, int ragged, (int Line, int Fields)? firstRagged, int columnCount, List<IngestWarning> warnings)
    {
        if (rows == 0 && ragged == 0)
        {
            throw new CsvLoadException(CsvLoadError.HeaderOnly, "The file has a header row but no data rows.");
        }

        if (firstRagged is not { } first)
        {
            return;
        }

        var total = rows + ragged;
        if (rows == 0 || (ragged > 5 && ragged > total * 0.10))
        {
            throw new CsvLoadException(
                CsvLoadError.RaggedRow,
                string.Create(CultureInfo.InvariantCulture, $"{ragged} of {total} rows do not have as many fields as the header. The first is line {first.Line}: it has {Fields(first.Fields)} but the header has {columnCount}."),
                first.Line);
        }

        if (ragged > MaxRaggedWarnings)
        {
            warnings.Add(new IngestWarning(string.Create(CultureInfo.InvariantCulture, $"{ragged - MaxRaggedWarnings} more rows with the wrong number of fields were skipped.")));
        }
    }

    /// <summary>A row longer than the header only because of empty trailing fields (a delimiter at the end of the line).</summary>
    private static bool OnlyEmptyExtras(CsvReader reader, int columnCount, int fieldCount)
    {
        if (fieldCount < columnCount)
        {
            return false;
        }

        for (var c = columnCount; c < fieldCount; c++)
        {
            if (!reader.IsEmpty(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void ThrowOnUnclosedQuote(CsvMalformedRecord record)
    {
        if (record.Reason == CsvMalformedReason.UnterminatedQuote)
        {
            int? line = record.LineNumber > 0 ? (int)record.LineNumber : null;
            var where = line is { } l ? string.Create(CultureInfo.InvariantCulture, $"starts on line {l}") : "starts somewhere in the file";
            throw new CsvLoadException(
                CsvLoadError.UnclosedQuote,
                $"A quoted field that {where} is never closed. Check that every opening quote (\") has a closing one.",
                line);
        }
    }

    /// <summary>Data rows expected from the file size and the line length in the first block (capped), so column arrays rarely grow.</summary>
    private static int EstimateRows(ReadOnlySpan<byte> prefix, long? totalBytes, int maxRows)
    {
        var lines = Math.Max(prefix.Count((byte)'\n'), prefix.Count((byte)'\r'));
        if (totalBytes is not { } total || lines == 0)
        {
            return 1024;
        }

        var bytesPerLine = prefix.Length / (double)lines;
        return (int)Math.Min((total / bytesPerLine * 1.05) + 16, Math.Min(maxRows + 1L, 1L << 24));
    }

    private static void Validate(CsvLoadOptions options)
    {
        if (options.Delimiter is { } delimiter && delimiter is not (',' or ';' or '\t' or '|'))
        {
            throw new ArgumentException($"{nameof(CsvLoadOptions.Delimiter)} must be ',', ';', tab or '|'.", nameof(options));
        }

        if (options.MaxColumns < 1 || options.MaxRows < 1 || options.MaxCategoricalLevels < 1 || options.MaxRecordBytes < 1024)
        {
            throw new ArgumentException(
                $"{nameof(CsvLoadOptions.MaxColumns)}, {nameof(CsvLoadOptions.MaxRows)} and {nameof(CsvLoadOptions.MaxCategoricalLevels)} must be positive and {nameof(CsvLoadOptions.MaxRecordBytes)} at least 1024.",
                nameof(options));
        }
    }

    private static string Fields(int count) => count == 1 ? "1 field" : string.Create(CultureInfo.InvariantCulture, $"{count} fields");

    private static int ReadPrefix(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
