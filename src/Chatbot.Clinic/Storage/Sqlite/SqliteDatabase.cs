using System.Runtime.CompilerServices;
using Chatbot.Clinic.Storage;
using Microsoft.Data.Sqlite;

namespace Chatbot.Clinic.Storage.Sqlite;

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

    /// <summary>The database <paramref name="options"/> name, a relative path taken from <paramref name="contentRoot"/>.</summary>
    public static SqliteDatabase FromOptions(StorageOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteDatabase(Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(contentRoot, options.SqlitePath));
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

    private Task CreateSchemaAsync() => MigrateAsync(SqliteTableSchema.All, CancellationToken.None);

    /// <summary>
    /// Brings each table to its newest version, one transaction per table. <c>BEGIN IMMEDIATE</c> takes the write lock
    /// before the version is read, so two processes starting at once apply each migration exactly once.
    /// </summary>
    internal async Task MigrateAsync(IReadOnlyList<SqliteTableSchema> tables, CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(cancellationToken);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS schema_version (
                    table_name TEXT PRIMARY KEY,
                    version    INTEGER NOT NULL,
                    applied_at TEXT NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var table in tables)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var current = await CurrentVersionAsync(connection, table.Table, cancellationToken);
            if (current > table.Version)
            {
                throw new InvalidOperationException(
                    $"The database's {table.Table} tables are at schema version {current}, newer than this build knows ({table.Version}). Run the newer build, or restore a backup.");
            }

            for (var version = current + 1; version <= table.Version; version++)
            {
                await using var migrate = connection.CreateCommand();
                migrate.CommandText = table.Migrations[version - 1] + """

                    INSERT INTO schema_version (table_name, version, applied_at) VALUES ($table, $version, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    ON CONFLICT(table_name) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at;
                    """;
                migrate.Parameters.AddWithValue("$table", table.Table);
                migrate.Parameters.AddWithValue("$version", version);
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The schema version recorded for <paramref name="table"/> (0: never migrated).</summary>
    internal static async Task<int> CurrentVersionAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT version FROM schema_version WHERE table_name = $table";
        read.Parameters.AddWithValue("$table", table);
        return await read.ExecuteScalarAsync(cancellationToken) is long version ? (int)version : 0;
    }
}
