using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SegmentDashboard.Storage;

/// <summary>Shares with named users and capability links of saved analyses (same SQLite file).</summary>
public sealed class SharingStore
{
    private readonly StoreDatabase _database;
    private readonly TimeProvider _time;

    public SharingStore(StoreDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Shares read-only with <paramref name="userName"/>; false when it already was.</summary>
    public async Task<bool> ShareWithAsync(string analysisId, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO analysis_shares (analysis_id, user_name, created_utc) VALUES ($id, $user, $now)";
        command.Parameters.AddWithValue("$id", analysisId);
        command.Parameters.AddWithValue("$user", userName.Trim());
        command.Parameters.AddWithValue("$now", Format(_time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Stops sharing with <paramref name="userName"/>; false when it was not shared.</summary>
    public async Task<bool> UnshareAsync(string analysisId, string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM analysis_shares WHERE analysis_id = $id AND user_name = $user";
        command.Parameters.AddWithValue("$id", analysisId);
        command.Parameters.AddWithValue("$user", userName.Trim());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<AnalysisShare>> SharesAsync(string analysisId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT analysis_id, user_name, created_utc FROM analysis_shares WHERE analysis_id = $id ORDER BY user_name";
        command.Parameters.AddWithValue("$id", analysisId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AnalysisShare>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new AnalysisShare(reader.GetString(0), reader.GetString(1), Parse(reader.GetString(2))));
        }

        return list;
    }

    /// <summary>A new link with a fresh 256-bit token (returned once; only its hash is kept).</summary>
    public async Task<CreatedShareLink> CreateLinkAsync(string analysisId, bool includeData, DateTimeOffset? expiresUtc, string createdBy, CancellationToken cancellationToken = default)
    {
        var token = SecretTokens.New();
        var link = new ShareLink(SecretTokens.NewId(), analysisId, includeData, createdBy, _time.GetUtcNow(), expiresUtc, null);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO share_links (id, analysis_id, token_hash, include_data, created_by, created_utc, expires_utc, revoked_utc)
            VALUES ($id, $analysis, $hash, $data, $by, $created, $expires, NULL)
            """;
        command.Parameters.AddWithValue("$id", link.Id);
        command.Parameters.AddWithValue("$analysis", analysisId);
        command.Parameters.AddWithValue("$hash", SecretTokens.Hash(token));
        command.Parameters.AddWithValue("$data", includeData ? 1 : 0);
        command.Parameters.AddWithValue("$by", createdBy);
        command.Parameters.AddWithValue("$created", Format(link.CreatedUtc));
        command.Parameters.AddWithValue("$expires", expiresUtc is { } e ? Format(e) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new CreatedShareLink(link, token);
    }

    /// <summary>Every link of an analysis (active, expired and revoked), newest first.</summary>
    public async Task<IReadOnlyList<ShareLink>> LinksAsync(string analysisId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {LinkColumns} FROM share_links WHERE analysis_id = $id ORDER BY created_utc DESC, id";
        command.Parameters.AddWithValue("$id", analysisId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ShareLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadLink(reader));
        }

        return list;
    }

    /// <summary>Revokes a link of <paramref name="analysisId"/>; false when there is no such active link.</summary>
    public async Task<bool> RevokeLinkAsync(string analysisId, string linkId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE share_links SET revoked_utc = $now WHERE id = $link AND analysis_id = $id AND revoked_utc IS NULL";
        command.Parameters.AddWithValue("$now", Format(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$link", linkId);
        command.Parameters.AddWithValue("$id", analysisId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The active link <paramref name="token"/> opens, or null (unknown, revoked or expired: callers answer 404 alike).</summary>
    public async Task<ShareLink?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {LinkColumns} FROM share_links WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", SecretTokens.Hash(token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var link = ReadLink(reader);
        return link.IsActive(_time.GetUtcNow()) ? link : null;
    }

    private const string LinkColumns = "id, analysis_id, include_data, created_by, created_utc, expires_utc, revoked_utc";

    private static ShareLink ReadLink(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2) != 0,
        reader.GetString(3),
        Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : Parse(reader.GetString(5)),
        reader.IsDBNull(6) ? null : Parse(reader.GetString(6)));

    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
