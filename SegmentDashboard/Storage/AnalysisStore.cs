using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using SegmentDashboard.Core.Persistence;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Storage;

/// <summary>
/// Saved analyses in the embedded SQLite file (<see cref="StoreDatabase"/>): each with its owner
/// (null for analyses saved before owners existed), listed per <see cref="Actor"/>.
/// </summary>
public sealed class AnalysisStore
{
    public const string FileName = StoreDatabase.FileName;
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly StoreDatabase _database;

    public AnalysisStore(StoreDatabase database)
    {
        _database = database;
    }

    public AnalysisStore(string folder)
        : this(new StoreDatabase(folder))
    {
    }

    /// <summary>The folder holding the database file.</summary>
    public string Folder => _database.Folder;

    /// <summary>The database (shares, links, tokens and audit live in the same file).</summary>
    public StoreDatabase Database => _database;

    /// <summary>Saves a run under <paramref name="name"/> and returns its new id (stable link /a/{id}).</summary>
    public Task<string> SaveAsync(string name, SegmentationResult result, IReadOnlyList<string> segmentNames, CancellationToken cancellationToken = default) =>
        SaveAsync(name, result, segmentNames, owner: null, cancellationToken);

    /// <summary>Saves a run owned by <paramref name="owner"/> (a user name; null: administrators only).</summary>
    public async Task<string> SaveAsync(string name, SegmentationResult result, IReadOnlyList<string> segmentNames, string? owner, CancellationToken cancellationToken = default)
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

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO analyses (id, name, dataset_name, row_count, cluster_count, algorithm, created_utc, request_json, segment_names_json, labels, dataset, owner)
            VALUES ($id, $name, $dataset_name, $rows, $k, $algorithm, $created, $request, $names, $labels, $dataset, $owner)
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
        command.Parameters.AddWithValue("$owner", (object?)owner ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>Every saved analysis, newest first.</summary>
    public Task<IReadOnlyList<SavedAnalysisSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(Actor.Personal, cancellationToken);

    /// <summary>
    /// The analyses <paramref name="actor"/> may see, newest first: an administrator every one; a
    /// user their own and those shared with them.
    /// </summary>
    public async Task<IReadOnlyList<SavedAnalysisSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = actor.IsAdmin
            ? $"SELECT {SummaryColumns} FROM analyses ORDER BY created_utc DESC, id"
            : $"""
              SELECT {SummaryColumns} FROM analyses
              WHERE owner = $user COLLATE NOCASE OR id IN (SELECT analysis_id FROM analysis_shares WHERE user_name = $user)
              ORDER BY created_utc DESC, id
              """;
        command.Parameters.AddWithValue("$user", actor.Name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<SavedAnalysisSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadSummary(reader));
        }

        return list;
    }

    /// <summary>What <paramref name="actor"/> may do with analysis <paramref name="id"/> (None also when it does not exist).</summary>
    public async Task<AnalysisAccess> AccessAsync(string id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT owner, EXISTS (SELECT 1 FROM analysis_shares s WHERE s.analysis_id = a.id AND s.user_name = $user)
            FROM analyses a WHERE a.id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$user", actor.Name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return AnalysisAccess.None;
        }

        var owner = reader.IsDBNull(0) ? null : reader.GetString(0);
        return AnalysisAccessRules.Decide(actor, owner, reader.GetInt64(1) != 0);
    }

    /// <summary>The owner's user name; null when the analysis has none or does not exist.</summary>
    public async Task<string?> OwnerAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner FROM analyses WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The saved analysis, or null when no analysis has that id.</summary>
    public async Task<SavedAnalysis?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
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
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$value", value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
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
