using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SegmentDashboard.Core.Persistence;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Storage;

/// <summary>
/// Saved analyses in an embedded SQLite file (no server to start), created on first use with a
/// versioned schema. One short-lived connection per call; WAL mode so readers never block a save.
/// </summary>
public sealed class AnalysisStore
{
    public const string FileName = "segmentdashboard.db";
    private const int SchemaVersion = 1;
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _connectionString;
    private volatile bool _schemaReady;

    public AnalysisStore(IOptions<StorageOptions> options, IHostEnvironment environment)
        : this(System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath))
    {
    }

    public AnalysisStore(string folder)
    {
        Folder = folder;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.Combine(folder, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The folder holding the database file.</summary>
    public string Folder { get; }

    /// <summary>Saves a run under <paramref name="name"/> and returns its new id (stable link /a/{id}).</summary>
    public async Task<string> SaveAsync(string name, SegmentationResult result, IReadOnlyList<string> segmentNames, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (segmentNames.Count != result.ClusterCount)
        {
            throw new ArgumentException($"Expected {result.ClusterCount} segment names, got {segmentNames.Count}.", nameof(segmentNames));
        }

        var id = NewId();
        var request = result.Request with { ClusterCount = result.ClusterCount, IncludeSweep = result.Sweep is not null };
        var datasetBytes = DatasetSerializer.Serialize(result.Dataset);
        var labelBytes = new byte[result.RowLabels.Length * sizeof(int)];
        Buffer.BlockCopy(result.RowLabels.ToArray(), 0, labelBytes, 0, labelBytes.Length);

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO analyses (id, name, dataset_name, row_count, cluster_count, algorithm, created_utc, request_json, segment_names_json, labels, dataset)
            VALUES ($id, $name, $dataset_name, $rows, $k, $algorithm, $created, $request, $names, $labels, $dataset)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", name.Trim());
        command.Parameters.AddWithValue("$dataset_name", result.Dataset.Name);
        command.Parameters.AddWithValue("$rows", result.Dataset.RowCount);
        command.Parameters.AddWithValue("$k", result.ClusterCount);
        command.Parameters.AddWithValue("$algorithm", result.Request.Algorithm.ToString());
        command.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$request", JsonSerializer.Serialize(request, Json));
        command.Parameters.AddWithValue("$names", JsonSerializer.Serialize(segmentNames, Json));
        command.Parameters.AddWithValue("$labels", labelBytes);
        command.Parameters.AddWithValue("$dataset", datasetBytes);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>Every saved analysis, newest first.</summary>
    public async Task<IReadOnlyList<SavedAnalysisSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM analyses ORDER BY created_utc DESC, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<SavedAnalysisSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadSummary(reader));
        }

        return list;
    }

    /// <summary>The saved analysis, or null when no analysis has that id.</summary>
    public async Task<SavedAnalysis?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns}, request_json, segment_names_json, labels, dataset FROM analyses WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var summary = ReadSummary(reader);
        var request = JsonSerializer.Deserialize<SegmentationRequest>(reader.GetString(7), Json)!;
        var names = JsonSerializer.Deserialize<ImmutableArray<string>>(reader.GetString(8), Json);
        var labelBytes = (byte[])reader.GetValue(9);
        var labels = new int[labelBytes.Length / sizeof(int)];
        Buffer.BlockCopy(labelBytes, 0, labels, 0, labelBytes.Length);
        var dataset = DatasetSerializer.Deserialize((byte[])reader.GetValue(10));
        return new SavedAnalysis(summary, dataset, request, [.. labels], names);
    }

    /// <summary>Renames; false when no analysis has that id.</summary>
    public async Task<bool> RenameAsync(string id, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await ExecuteAsync("UPDATE analyses SET name = $value WHERE id = $id", id, name.Trim(), cancellationToken) == 1;
    }

    /// <summary>Deletes; false when no analysis has that id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM analyses WHERE id = $id AND $value IS NOT NULL", id, string.Empty, cancellationToken) == 1;

    private const string SummaryColumns = "id, name, dataset_name, row_count, cluster_count, algorithm, created_utc";

    private static SavedAnalysisSummary ReadSummary(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt32(3),
        reader.GetInt32(4),
        reader.GetString(5),
        DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture));

    private async Task<int> ExecuteAsync(string sql, string id, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$value", value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!_schemaReady)
        {
            await EnsureSchemaAsync(connection, cancellationToken);
        }

        return connection;
    }

    /// <summary>Idempotent (CREATE IF NOT EXISTS, a guarded INSERT), so concurrent first calls are safe without a lock.</summary>
    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        command.CommandText = """
            CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS analyses (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                dataset_name TEXT NOT NULL,
                row_count INTEGER NOT NULL,
                cluster_count INTEGER NOT NULL,
                algorithm TEXT NOT NULL,
                created_utc TEXT NOT NULL,
                request_json TEXT NOT NULL,
                segment_names_json TEXT NOT NULL,
                labels BLOB NOT NULL,
                dataset BLOB NOT NULL);
            INSERT INTO schema_version (version) SELECT $version WHERE NOT EXISTS (SELECT 1 FROM schema_version);
            SELECT MAX(version) FROM schema_version;
            """;
        command.Parameters.AddWithValue("$version", SchemaVersion);
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"The database in '{Folder}' was written by a newer version (schema {version}).");
        }

        _schemaReady = true;
    }

    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = IdAlphabet[bytes[i] % IdAlphabet.Length];
        }

        return new string(chars);
    }
}
