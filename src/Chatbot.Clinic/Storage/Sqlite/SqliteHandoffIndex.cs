using Chatbot.Clinic.Handoffs;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>The open hand-offs in the bot's SQLite database (table <c>handoff_open</c>).</summary>
public sealed class SqliteHandoffIndex(SqliteDatabase database) : IHandoffIndex
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("handoff_open",
        """
            CREATE TABLE IF NOT EXISTS handoff_open (
                reference       TEXT PRIMARY KEY,
                state_key       TEXT NOT NULL UNIQUE,
                channel         TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                reason          TEXT NOT NULL,
                started_at      TEXT NOT NULL,
                expires_at      TEXT NOT NULL,
                summary         TEXT NOT NULL);
        """);

    /// <inheritdoc />
    public async Task OpenAsync(OpenHandoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM handoff_open WHERE state_key = $key;
            INSERT INTO handoff_open (reference, state_key, channel, conversation_id, reason, started_at, expires_at, summary)
            VALUES ($ref, $key, $channel, $conversation, $reason, $started, $expires, $summary);
            """;
        command.Parameters.AddWithValue("$ref", handoff.Reference);
        command.Parameters.AddWithValue("$key", handoff.StateKey);
        command.Parameters.AddWithValue("$channel", handoff.Channel);
        command.Parameters.AddWithValue("$conversation", handoff.ConversationId);
        command.Parameters.AddWithValue("$reason", handoff.Reason.ToString());
        command.Parameters.AddWithValue("$started", SqliteFormat.Time(handoff.StartedAt));
        command.Parameters.AddWithValue("$expires", SqliteFormat.Time(handoff.ExpiresAt));
        command.Parameters.AddWithValue("$summary", handoff.Summary);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task CloseAsync(string stateKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM handoff_open WHERE state_key = $key";
        command.Parameters.AddWithValue("$key", stateKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OpenHandoff>> ListOpenAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        await using (var purge = connection.CreateCommand())
        {
            purge.CommandText = "DELETE FROM handoff_open WHERE expires_at <= $now";
            purge.Parameters.AddWithValue("$now", SqliteFormat.Time(now));
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = await database.OpenAsync(cancellationToken);
        await using var command = read.CreateCommand();
        command.CommandText = """
            SELECT reference, state_key, channel, conversation_id, reason, started_at, expires_at, summary
            FROM handoff_open ORDER BY started_at DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<OpenHandoff>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new OpenHandoff(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Enum.TryParse<HandoffReason>(reader.GetString(4), out var reason) ? reason : HandoffReason.Requested,
                SqliteFormat.ParseTime(reader.GetString(5)),
                SqliteFormat.ParseTime(reader.GetString(6)),
                reader.GetString(7)));
        }

        return result;
    }
}
