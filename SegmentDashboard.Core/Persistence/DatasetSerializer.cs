using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Persistence;

/// <summary>
/// A compact, versioned binary form of a <see cref="Dataset"/> (gzip over a BinaryWriter stream),
/// so a saved analysis reopens with exactly the columns, kinds and values it was made from —
/// including kinds the user overrode, which re-reading a CSV would not reproduce. Version 2 also
/// keeps the customer column, the meanings the user chose and the derived date features (version 1
/// files still open, without them).
/// </summary>
public static class DatasetSerializer
{
    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "SDDS"u8.ToArray();

    public static byte[] Serialize(Dataset dataset)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(dataset.Name);
            writer.Write(dataset.RowCount);
            WriteDialect(writer, dataset.Dialect);
            writer.Write(dataset.Warnings.Length);
            foreach (var warning in dataset.Warnings)
            {
                writer.Write(warning.Message);
                writer.Write(warning.Line ?? -1);
                writer.Write(warning.Column ?? -1);
            }

            writer.Write(dataset.Columns.Length);
            foreach (var column in dataset.Columns)
            {
                WriteColumn(writer, column);
            }

            WriteMeanings(writer, dataset);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote; throws <see cref="InvalidDataException"/> on anything else.</summary>
    public static Dataset Deserialize(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a serialized SegmentDashboard dataset.");
        }

        var version = reader.ReadInt32();
        if (version is < 1 or > FormatVersion)
        {
            throw new InvalidDataException($"Unsupported dataset format version {version}.");
        }

        var name = reader.ReadString();
        var rows = reader.ReadInt32();
        var dialect = ReadDialect(reader);
        var warnings = ImmutableArray.CreateBuilder<IngestWarning>();
        for (int i = 0, count = reader.ReadInt32(); i < count; i++)
        {
            var message = reader.ReadString();
            var line = reader.ReadInt32();
            var column = reader.ReadInt32();
            warnings.Add(new IngestWarning(message, line < 0 ? null : line, column < 0 ? null : column));
        }

        var columns = ImmutableArray.CreateBuilder<Column>();
        for (int i = 0, count = reader.ReadInt32(); i < count; i++)
        {
            columns.Add(ReadColumn(reader, rows));
        }

        var dataset = new Dataset(name, columns.ToImmutable(), rows, dialect, warnings.ToImmutable());
        return version >= 2 ? ReadMeanings(reader, dataset) : dataset;
    }

    /// <summary>Version 2: the customer column, the user's meanings and the derived features.</summary>
    private static void WriteMeanings(BinaryWriter writer, Dataset dataset)
    {
        writer.Write(dataset.CustomerIdColumn is not null);
        if (dataset.CustomerIdColumn is { } customer)
        {
            writer.Write(customer);
        }

        writer.Write(dataset.ChosenMeanings.Count);
        foreach (var (column, meaning) in dataset.ChosenMeanings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(column);
            writer.Write((int)meaning);
        }

        writer.Write(dataset.Derived.Length);
        foreach (var derived in dataset.Derived)
        {
            writer.Write(derived.Name);
            writer.Write(derived.Source);
            writer.Write((int)derived.Kind);
            writer.Write(derived.Label);
            writer.Write((int)derived.Meaning);
            writer.Write(derived.Reason);
            writer.Write(derived.IsDefault);
        }
    }

    private static Dataset ReadMeanings(BinaryReader reader, Dataset dataset)
    {
        var customer = reader.ReadBoolean() ? reader.ReadString() : null;
        var chosen = ImmutableDictionary.CreateBuilder<string, ColumnMeaning>();
        for (int i = 0, count = reader.ReadInt32(); i < count; i++)
        {
            chosen[reader.ReadString()] = (ColumnMeaning)reader.ReadInt32();
        }

        var derived = ImmutableArray.CreateBuilder<DerivedFeature>();
        for (int i = 0, count = reader.ReadInt32(); i < count; i++)
        {
            derived.Add(new DerivedFeature(reader.ReadString(), reader.ReadString(), (DerivedFeatureKind)reader.ReadInt32(), reader.ReadString(), (ColumnMeaning)reader.ReadInt32(), reader.ReadString(), reader.ReadBoolean()));
        }

        return dataset with { CustomerIdColumn = customer, ChosenMeanings = chosen.ToImmutable(), Derived = derived.ToImmutable() };
    }

    private static void WriteDialect(BinaryWriter writer, CsvDialect? dialect)
    {
        writer.Write(dialect is not null);
        if (dialect is null)
        {
            return;
        }

        writer.Write(dialect.Delimiter);
        writer.Write(dialect.EncodingName);
        writer.Write(dialect.DecimalComma);
        writer.Write(dialect.LineEnding);
    }

    private static CsvDialect? ReadDialect(BinaryReader reader) =>
        reader.ReadBoolean()
            ? new CsvDialect(reader.ReadChar(), reader.ReadString(), reader.ReadBoolean(), reader.ReadString())
            : null;

    private static void WriteColumn(BinaryWriter writer, Column column)
    {
        writer.Write(column.Name);
        writer.Write((int)column.Kind);
        switch (column)
        {
            case NumericColumn numeric:
                writer.Write((byte)0);
                foreach (var value in numeric.Values)
                {
                    writer.Write(value);
                }

                break;
            case CategoricalColumn categorical:
                writer.Write((byte)1);
                WriteLevels(writer, categorical.Levels);
                foreach (var code in categorical.Codes)
                {
                    writer.Write(code);
                }

                break;
            case MultiCategoricalColumn multi:
                writer.Write((byte)2);
                writer.Write(multi.Separator);
                WriteLevels(writer, multi.Levels);
                foreach (var codes in multi.Codes)
                {
                    var cell = codes.IsDefault ? ImmutableArray<int>.Empty : codes;
                    writer.Write(cell.Length);
                    foreach (var code in cell)
                    {
                        writer.Write(code);
                    }
                }

                break;
            case TextColumn text:
                writer.Write((byte)3);
                foreach (var value in text.Values)
                {
                    writer.Write(value is not null);
                    if (value is not null)
                    {
                        writer.Write(value);
                    }
                }

                break;
            default:
                throw new NotSupportedException($"Column type {column.GetType().Name} cannot be serialized.");
        }
    }

    private static Column ReadColumn(BinaryReader reader, int rows)
    {
        var name = reader.ReadString();
        var kind = (ColumnKind)reader.ReadInt32();
        switch (reader.ReadByte())
        {
            case 0:
                var values = new double[rows];
                for (var i = 0; i < rows; i++)
                {
                    values[i] = reader.ReadDouble();
                }

                return new NumericColumn(name, kind, ImmutableArray.Create(values));
            case 1:
                var levels = ReadLevels(reader);
                var codes = new int[rows];
                for (var i = 0; i < rows; i++)
                {
                    codes[i] = reader.ReadInt32();
                }

                return new CategoricalColumn(name, ImmutableArray.Create(codes), levels);
            case 2:
                var separator = reader.ReadChar();
                var multiLevels = ReadLevels(reader);
                var cells = ImmutableArray.CreateBuilder<ImmutableArray<int>>(rows);
                for (var i = 0; i < rows; i++)
                {
                    var cell = new int[reader.ReadInt32()];
                    for (var j = 0; j < cell.Length; j++)
                    {
                        cell[j] = reader.ReadInt32();
                    }

                    cells.Add(ImmutableArray.Create(cell));
                }

                return new MultiCategoricalColumn(name, cells.MoveToImmutable(), multiLevels, separator);
            case 3:
                var texts = new string?[rows];
                for (var i = 0; i < rows; i++)
                {
                    texts[i] = reader.ReadBoolean() ? reader.ReadString() : null;
                }

                return new TextColumn(name, kind, ImmutableArray.Create(texts));
            default:
                throw new InvalidDataException($"Unknown column storage in column '{name}'.");
        }
    }

    private static void WriteLevels(BinaryWriter writer, ImmutableArray<string> levels)
    {
        writer.Write(levels.Length);
        foreach (var level in levels)
        {
            writer.Write(level);
        }
    }

    private static ImmutableArray<string> ReadLevels(BinaryReader reader)
    {
        var levels = new string[reader.ReadInt32()];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = reader.ReadString();
        }

        return ImmutableArray.Create(levels);
    }
}
