namespace SegmentDashboard.Storage;

/// <summary>Personal access tokens for the API (<c>Authorization: Bearer sdp_…</c>), stored as SHA-256 hashes.</summary>
public sealed class AccessTokenStore
{
    /// <summary>Every token starts with this, so secret scanners and people can recognise one.</summary>
    public const string Prefix = "sdp_";

    private readonly StoreDatabase _database;
    private readonly TimeProvider _time;

    public AccessTokenStore(StoreDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public async Task<CreatedAccessToken> CreateAsync(string userName, string label, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var secret = SecretTokens.New(Prefix);
        var token = new AccessToken(SecretTokens.NewId(), userName, string.IsNullOrWhiteSpace(label) ? "token" : label.Trim(), _time.GetUtcNow(), null);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO access_tokens (id, user_name, label, token_hash, created_utc) VALUES ($id, $user, $label, $hash, $created)";
        command.Parameters.AddWithValue("$id", token.Id);
        command.Parameters.AddWithValue("$user", userName);
        command.Parameters.AddWithValue("$label", token.Label);
        command.Parameters.AddWithValue("$hash", SecretTokens.Hash(secret));
        command.Parameters.AddWithValue("$created", SharingStore.Format(token.CreatedUtc));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new CreatedAccessToken(token, secret);
    }

    /// <summary>The user's tokens, newest first (revoked ones included, marked).</summary>
    public async Task<IReadOnlyList<AccessToken>> ListAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_name, label, created_utc, revoked_utc FROM access_tokens WHERE user_name = $user ORDER BY created_utc DESC, id";
        command.Parameters.AddWithValue("$user", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AccessToken>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new AccessToken(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                SharingStore.Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : SharingStore.Parse(reader.GetString(4))));
        }

        return list;
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such active token.</summary>
    public async Task<bool> RevokeAsync(string userName, string tokenId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE access_tokens SET revoked_utc = $now WHERE id = $id AND user_name = $user AND revoked_utc IS NULL";
        command.Parameters.AddWithValue("$now", SharingStore.Format(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$id", tokenId);
        command.Parameters.AddWithValue("$user", userName);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The user name an active token belongs to, or null (unknown, malformed or revoked).</summary>
    public async Task<string?> FindUserAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name FROM access_tokens WHERE token_hash = $hash AND revoked_utc IS NULL";
        command.Parameters.AddWithValue("$hash", SecretTokens.Hash(secret));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
