using Chatbot.Clinic.Staff;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Staff sessions in the bot's SQLite database (table <c>staff_session</c>), shared by every process on the file.</summary>
public sealed class SqliteStaffSessionStore(SqliteDatabase database) : IStaffSessionStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("staff_session",
        """
            CREATE TABLE IF NOT EXISTS staff_session (
                session_key TEXT PRIMARY KEY,
                ticket      BLOB NOT NULL,
                expires_at  TEXT NULL);
            CREATE INDEX IF NOT EXISTS staff_session_expires ON staff_session (expires_at);
        """);

    /// <inheritdoc />
    public async Task CreateAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO staff_session (session_key, ticket, expires_at) VALUES ($key, $ticket, $expires)
            ON CONFLICT (session_key) DO UPDATE SET ticket = excluded.ticket, expires_at = excluded.expires_at
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$ticket", ticket);
        command.Parameters.AddWithValue("$expires", Expiry(expiresAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket FROM staff_session WHERE session_key = $key AND (expires_at IS NULL OR expires_at > $now)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", SqliteFormat.Time(now));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE staff_session SET ticket = $ticket, expires_at = $expires WHERE session_key = $key";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$ticket", ticket);
        command.Parameters.AddWithValue("$expires", Expiry(expiresAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_session WHERE session_key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_session WHERE expires_at IS NOT NULL AND expires_at <= $now";
        command.Parameters.AddWithValue("$now", SqliteFormat.Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static object Expiry(DateTimeOffset? expiresAt) => expiresAt is { } at ? SqliteFormat.Time(at) : DBNull.Value;
}
