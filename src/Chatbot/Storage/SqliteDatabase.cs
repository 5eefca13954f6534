using Microsoft.Data.Sqlite;

namespace Chatbot.Storage;

/// <summary>
/// The bot's SQLite database: one file (created on first use, with its folder), schema created idempotently.
/// Every store opens short-lived pooled connections from here.
/// </summary>
/// <remarks>
/// Performance (docs/benchmarks.md): WAL with <c>synchronous = NORMAL</c> (no fsync per commit; a commit can be lost on
/// power loss or an OS crash, never on a process crash, and the file is never corrupted), private page caches (shared
/// cache mode makes WAL readers and writers lock each other per table), and in-process writers that queue
/// asynchronously through <see cref="OpenForWriteAsync"/> instead of sleeping in SQLite's busy handler on a
/// thread-pool thread.
/// </remarks>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Creates the database at <paramref name="path"/> (<c>:memory:</c>-style shared names are allowed for tests).</summary>
    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith("file:", StringComparison.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    /// <summary>Opens a connection after making sure the schema exists.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>
    /// Opens a connection for a short write. Writers of this process take turns (asynchronously) until the connection
    /// is closed, so they never wait inside SQLite on the write lock. Do not open another connection while holding it.
    /// </summary>
    public async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            var released = 0;
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState == System.Data.ConnectionState.Closed && Interlocked.Exchange(ref released, 1) == 0)
                {
                    _writeGate.Release();
                }
            };
            return connection;
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS conversation_state (
                key        TEXT PRIMARY KEY,
                json       TEXT NOT NULL,
                etag       TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS unanswered_question (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                created_at    TEXT NOT NULL,
                channel       TEXT NOT NULL,
                reason        TEXT NOT NULL,
                text          TEXT NOT NULL,
                top_intents   TEXT NOT NULL,
                model_version TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_unanswered_created ON unanswered_question(created_at);
            CREATE TABLE IF NOT EXISTS directline_conversation (
                id               TEXT PRIMARY KEY,
                created_at       TEXT NOT NULL,
                last_activity_at TEXT NOT NULL,
                activity_count   INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS directline_activity (
                conversation_id TEXT NOT NULL,
                sequence        INTEGER NOT NULL,
                json            TEXT NOT NULL,
                PRIMARY KEY (conversation_id, sequence));
            CREATE INDEX IF NOT EXISTS ix_directline_last ON directline_conversation(last_activity_at);
            CREATE TABLE IF NOT EXISTS booking_request (
                reference          TEXT PRIMARY KEY,
                created_at         TEXT NOT NULL,
                reason             TEXT NOT NULL,
                name               TEXT NOT NULL,
                phone              TEXT NULL,
                email              TEXT NULL,
                preferred_times    TEXT NOT NULL,
                channel            TEXT NOT NULL,
                conversation_id    TEXT NOT NULL,
                status             TEXT NOT NULL,
                status_changed_at  TEXT NOT NULL,
                status_changed_by  TEXT NOT NULL,
                via_link           INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS ix_booking_created ON booking_request(created_at);
            CREATE TABLE IF NOT EXISTS booking_status_change (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                reference  TEXT NOT NULL,
                status     TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                changed_by TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_booking_change_ref ON booking_status_change(reference);
            CREATE TABLE IF NOT EXISTS notification_outbox (
                id              TEXT PRIMARY KEY,
                kind            TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                subject         TEXT NOT NULL,
                payload         TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error      TEXT NULL,
                delivered_at    TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_outbox_due ON notification_outbox(delivered_at, next_attempt_at);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
