using Chatbot.Clinic.Staff;
using Npgsql;
using NpgsqlTypes;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>Staff sessions in PostgreSQL, shared by every instance (table <c>staff_session</c>).</summary>
public sealed class PostgresStaffSessionStore(PostgresDatabase database) : IStaffSessionStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("staff_session",
        """
            CREATE TABLE IF NOT EXISTS staff_session (
                session_key text PRIMARY KEY,
                ticket      bytea NOT NULL,
                expires_at  timestamptz NULL);
            CREATE INDEX IF NOT EXISTS staff_session_expires ON staff_session (expires_at);
        """);

    /// <inheritdoc />
    public async Task CreateAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO staff_session (session_key, ticket, expires_at) VALUES (@key, @ticket, @expires)
            ON CONFLICT (session_key) DO UPDATE SET ticket = excluded.ticket, expires_at = excluded.expires_at
            """, connection);
        command.Parameters.AddText("key", key);
        AddTicket(command, ticket);
        command.Parameters.AddTime("expires", expiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT ticket FROM staff_session WHERE session_key = @key AND (expires_at IS NULL OR expires_at > @now)", connection);
        command.Parameters.AddText("key", key);
        command.Parameters.AddTime("now", now);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE staff_session SET ticket = @ticket, expires_at = @expires WHERE session_key = @key", connection);
        command.Parameters.AddText("key", key);
        AddTicket(command, ticket);
        command.Parameters.AddTime("expires", expiresAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM staff_session WHERE session_key = @key", connection);
        command.Parameters.AddText("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM staff_session WHERE expires_at IS NOT NULL AND expires_at <= @now", connection);
        command.Parameters.AddTime("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddTicket(NpgsqlCommand command, byte[] ticket) =>
        command.Parameters.Add(new NpgsqlParameter("ticket", NpgsqlDbType.Bytea) { Value = ticket });
}
