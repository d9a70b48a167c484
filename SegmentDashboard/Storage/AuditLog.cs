namespace SegmentDashboard.Storage;

/// <summary>The audit trail in the SQLite file: append-only, read per analysis (owner) or whole (administrator).</summary>
public sealed class AuditLog
{
    /// <summary>Most lines one read returns.</summary>
    public const int MaxEntries = 1000;

    private readonly StoreDatabase _database;
    private readonly TimeProvider _time;

    public AuditLog(StoreDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public async Task RecordAsync(string actor, string action, string? analysisId, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (at_utc, actor, action, analysis_id, detail) VALUES ($at, $actor, $action, $analysis, $detail)";
        command.Parameters.AddWithValue("$at", SharingStore.Format(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$analysis", (object?)analysisId ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The trail of one analysis, or of all (<paramref name="analysisId"/> null), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? analysisId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = analysisId is null
            ? $"SELECT seq, at_utc, actor, action, analysis_id, detail FROM audit ORDER BY seq DESC LIMIT {MaxEntries}"
            : $"SELECT seq, at_utc, actor, action, analysis_id, detail FROM audit WHERE analysis_id = $id ORDER BY seq DESC LIMIT {MaxEntries}";
        command.Parameters.AddWithValue("$id", (object?)analysisId ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new AuditEntry(
                reader.GetInt64(0),
                SharingStore.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return list;
    }
}
