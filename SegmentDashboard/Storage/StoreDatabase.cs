using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SegmentDashboard.Storage;

/// <summary>
/// The one SQLite file (<c>segmentdashboard.db</c> under <c>Storage:Path</c>) holding saved analyses,
/// their owners, shares, share links, personal access tokens and the audit trail (and, in
/// <c>local</c> mode, the Identity accounts). Created on first use with a versioned schema; a file
/// written by an older version is upgraded in place. One short-lived connection per call; WAL mode
/// so readers never block a save.
/// </summary>
public sealed class StoreDatabase
{
    public const string FileName = "segmentdashboard.db";

    /// <summary>1: analyses. 2: owners, shares, share links, access tokens, audit.</summary>
    public const int SchemaVersion = 2;

    private readonly string _connectionString;
    private volatile bool _schemaReady;

    public StoreDatabase(IOptions<StorageOptions> options, IHostEnvironment environment)
        : this(Path.GetFullPath(options.Value.Path, environment.ContentRootPath))
    {
    }

    public StoreDatabase(string folder)
    {
        Folder = folder;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The folder holding the database file.</summary>
    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, FileName);

    /// <summary>The connection string (EF Core's Identity store uses the same file).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>An open connection to a database whose schema is current.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!_schemaReady)
        {
            await EnsureSchemaAsync(connection, cancellationToken);
        }

        return connection;
    }

    /// <summary>The schema version stored in the file (for /readyz): opens the file and reads it.</summary>
    public async Task<int> ReadVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: concurrent first calls (threads or processes such as the users command)
        // queue on SQLite's write lock; the second one finds the schema current.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, """
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
            INSERT INTO schema_version (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM schema_version);
            """, cancellationToken);
        var version = await ScalarIntAsync(connection, transaction, "SELECT MAX(version) FROM schema_version", cancellationToken);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"The database in '{Folder}' was written by a newer version (schema {version}); this version reads schema {SchemaVersion}.");
        }

        if (version < 2)
        {
            // Analyses saved before sign-in existed have no owner: administrators (and personal mode) see them.
            await ExecuteAsync(connection, transaction, """
                ALTER TABLE analyses ADD COLUMN owner TEXT NULL;
                CREATE INDEX IF NOT EXISTS ix_analyses_owner ON analyses (owner);
                CREATE TABLE IF NOT EXISTS analysis_shares (
                    analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
                    user_name TEXT NOT NULL COLLATE NOCASE,
                    created_utc TEXT NOT NULL,
                    PRIMARY KEY (analysis_id, user_name));
                CREATE INDEX IF NOT EXISTS ix_analysis_shares_user ON analysis_shares (user_name);
                CREATE TABLE IF NOT EXISTS share_links (
                    id TEXT PRIMARY KEY,
                    analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
                    token_hash TEXT NOT NULL UNIQUE,
                    include_data INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    created_utc TEXT NOT NULL,
                    expires_utc TEXT NULL,
                    revoked_utc TEXT NULL);
                CREATE TABLE IF NOT EXISTS access_tokens (
                    id TEXT PRIMARY KEY,
                    user_name TEXT NOT NULL COLLATE NOCASE,
                    label TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_utc TEXT NOT NULL,
                    revoked_utc TEXT NULL);
                CREATE TABLE IF NOT EXISTS audit (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at_utc TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    analysis_id TEXT NULL,
                    detail TEXT NULL);
                CREATE INDEX IF NOT EXISTS ix_audit_analysis ON audit (analysis_id);
                UPDATE schema_version SET version = 2;
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _schemaReady = true;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> ScalarIntAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
