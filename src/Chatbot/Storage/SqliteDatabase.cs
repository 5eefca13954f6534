using Microsoft.Data.Sqlite;

namespace Chatbot.Storage;

/// <summary>
/// The bot's SQLite database: one file (created on first use, with its folder), schema created idempotently.
/// Every store opens short-lived pooled connections from here.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

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
            Cache = SqliteCacheMode.Shared,
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

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000;";
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
            """;
        await command.ExecuteNonQueryAsync();
    }
}
