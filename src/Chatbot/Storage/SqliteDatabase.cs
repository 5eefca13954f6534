using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Chatbot.Storage;

/// <summary>
/// The bot's SQLite database: one file (created on first use, with its folder), schema created idempotently.
/// Every store opens short-lived pooled connections from here.
/// </summary>
/// <remarks>
/// Performance (docs/benchmarks.md): WAL with <c>synchronous = NORMAL</c> (no fsync per commit; a commit can be lost on
/// power loss or an OS crash, never on a process crash, and the file is never corrupted), private page caches (shared
/// cache mode makes WAL readers and writers lock each other per table), the PRAGMAs run once per pooled native
/// connection rather than on every open, and in-process writers that queue
/// asynchronously through <see cref="OpenForWriteAsync"/> instead of sleeping in SQLite's busy handler on a
/// thread-pool thread.
/// </remarks>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<object, object> _configuredHandles = new();

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

        // A pooled connection keeps its native handle and so its settings: configure each handle once, not per open.
        if (connection.Handle is { } handle && !_configuredHandles.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            _configuredHandles.AddOrUpdate(handle, handle);
        }

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
            CREATE TABLE IF NOT EXISTS teams_conversation (
                key               TEXT PRIMARY KEY,
                conversation_id   TEXT NOT NULL,
                service_url       TEXT NOT NULL,
                tenant_id         TEXT NULL,
                team_id           TEXT NULL,
                channel_id        TEXT NULL,
                conversation_type TEXT NOT NULL,
                bot_id            TEXT NULL,
                bot_name          TEXT NULL,
                updated_at        TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_teams_conversation_channel ON teams_conversation(channel_id);
            CREATE TABLE IF NOT EXISTS handoff_open (
                reference       TEXT PRIMARY KEY,
                state_key       TEXT NOT NULL UNIQUE,
                channel         TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                reason          TEXT NOT NULL,
                started_at      TEXT NOT NULL,
                expires_at      TEXT NOT NULL,
                summary         TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS staff_user (
                username        TEXT PRIMARY KEY COLLATE NOCASE,
                password_hash   TEXT NOT NULL,
                failed_count    INTEGER NOT NULL DEFAULT 0,
                lockout_until   TEXT NULL,
                created_at      TEXT NOT NULL,
                last_sign_in_at TEXT NULL);
            CREATE TABLE IF NOT EXISTS staff_audit (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                at          TEXT NOT NULL,
                user        TEXT NOT NULL,
                action      TEXT NOT NULL,
                entry_id    TEXT NULL,
                file        TEXT NULL,
                before_json TEXT NULL,
                after_json  TEXT NULL,
                detail      TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_staff_audit_entry ON staff_audit(entry_id, at);
            CREATE INDEX IF NOT EXISTS ix_staff_audit_at ON staff_audit(at);
            CREATE TABLE IF NOT EXISTS unanswered_review (
                text_key    TEXT PRIMARY KEY,
                action      TEXT NOT NULL,
                entry_id    TEXT NULL,
                reviewed_by TEXT NOT NULL,
                reviewed_at TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
