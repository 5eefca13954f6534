using Chatbot.Clinic.Handoffs;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>The open hand-offs in PostgreSQL (table <c>handoff_open</c>), one per conversation.</summary>
public sealed class PostgresHandoffIndex(PostgresDatabase database) : IHandoffIndex
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("handoff_open",
        """
            CREATE TABLE IF NOT EXISTS handoff_open (
                reference       text PRIMARY KEY,
                state_key       text NOT NULL UNIQUE,
                channel         text NOT NULL,
                conversation_id text NOT NULL,
                reason          text NOT NULL,
                started_at      timestamptz NOT NULL,
                expires_at      timestamptz NOT NULL,
                summary         text NOT NULL);
        """);

    /// <inheritdoc />
    public async Task OpenAsync(OpenHandoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await using var connection = await database.OpenAsync(cancellationToken);

        // One statement: a new hand-off of the same conversation replaces the old one, whichever instance writes it.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO handoff_open (reference, state_key, channel, conversation_id, reason, started_at, expires_at, summary)
            VALUES (@ref, @key, @channel, @conversation, @reason, @started, @expires, @summary)
            ON CONFLICT (state_key) DO UPDATE SET reference = excluded.reference, channel = excluded.channel,
                conversation_id = excluded.conversation_id, reason = excluded.reason, started_at = excluded.started_at,
                expires_at = excluded.expires_at, summary = excluded.summary
            """, connection);
        command.Parameters.AddText("ref", handoff.Reference);
        command.Parameters.AddText("key", handoff.StateKey);
        command.Parameters.AddText("channel", handoff.Channel);
        command.Parameters.AddText("conversation", handoff.ConversationId);
        command.Parameters.AddText("reason", handoff.Reason.ToString());
        command.Parameters.AddTime("started", handoff.StartedAt);
        command.Parameters.AddTime("expires", handoff.ExpiresAt);
        command.Parameters.AddText("summary", handoff.Summary);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task CloseAsync(string stateKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM handoff_open WHERE state_key = @key", connection);
        command.Parameters.AddText("key", stateKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OpenHandoff>> ListOpenAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var purge = new NpgsqlCommand("DELETE FROM handoff_open WHERE expires_at <= @now", connection))
        {
            purge.Parameters.AddTime("now", now);
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT reference, state_key, channel, conversation_id, reason, started_at, expires_at, summary
            FROM handoff_open WHERE expires_at > @now ORDER BY started_at DESC LIMIT @limit
            """, connection);
        command.Parameters.AddTime("now", now);
        command.Parameters.AddInt("limit", limit);
        return await command.ListAsync(
            r => new OpenHandoff(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                Enum.TryParse<HandoffReason>(r.GetString(4), out var reason) ? reason : HandoffReason.Requested,
                r.Time(5),
                r.Time(6),
                r.GetString(7)),
            cancellationToken);
    }
}
