using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// The bot's PostgreSQL database: the shared <see cref="NpgsqlDataSource"/> (connection pool) every store opens its
/// short-lived connections from, and the schema, brought to this build's version before the first use.
/// </summary>
/// <remarks>
/// Migrations run in one transaction under a transaction-level advisory lock (<c>pg_advisory_xact_lock</c>, keyed by
/// the schema they apply to), so instances that start at the same moment apply each migration exactly once: the
/// second waits for the first, then finds the versions already recorded. DDL is transactional in PostgreSQL: a
/// migration that fails leaves nothing behind, and the next start tries again.
/// </remarks>
public sealed class PostgresDatabase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Uses <paramref name="dataSource"/> for every connection.</summary>
    public PostgresDatabase(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>Opens a pooled connection after making sure the schema is current (migrating once per process).</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// Brings every store's tables to this build's version (nothing to do when they are). Called by the start-up step
    /// and, failing that, by the first store use; a failure is not remembered, so the next call tries again.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await MigrateAsync(PostgresTableSchema.All, cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    /// <summary>Applies the missing migrations of <paramref name="tables"/> in one transaction, under the advisory lock.</summary>
    internal async Task MigrateAsync(IReadOnlyList<PostgresTableSchema> tables, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var setup = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(hashtext('chatbot schema migrations ' || current_schema()));
            CREATE TABLE IF NOT EXISTS schema_version (
                table_name text PRIMARY KEY,
                version    integer NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, connection, transaction))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var table in tables)
        {
            var current = await CurrentVersionAsync(connection, transaction, table.Table, cancellationToken);
            if (current > table.Version)
            {
                throw new InvalidOperationException(
                    $"The database's {table.Table} tables are at schema version {current}, newer than this build knows ({table.Version}). Run the newer build, or restore a backup.");
            }

            for (var version = current + 1; version <= table.Version; version++)
            {
                await using var migrate = new NpgsqlCommand(table.Migrations[version - 1], connection, transaction);
                await migrate.ExecuteNonQueryAsync(cancellationToken);
                await using var record = new NpgsqlCommand(
                    """
                    INSERT INTO schema_version (table_name, version, applied_at) VALUES (@table, @version, now())
                    ON CONFLICT (table_name) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at
                    """, connection, transaction);
                record.Parameters.AddWithValue("table", table.Table);
                record.Parameters.AddWithValue("version", version);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The schema version recorded for <paramref name="table"/> (0: never migrated).</summary>
    internal static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT version FROM schema_version WHERE table_name = @table", connection, transaction);
        read.Parameters.AddWithValue("table", table);
        return await read.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
    }
}
