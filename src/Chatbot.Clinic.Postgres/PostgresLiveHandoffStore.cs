using Chatbot.Clinic.Handoffs;
using Npgsql;
using NpgsqlTypes;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// Live hand-offs in PostgreSQL (tables <c>live_handoff</c> and <c>live_handoff_message</c>), shared by every instance.
/// The same statements as the SQLite store, made safe where PostgreSQL runs writers side by side instead of one at a time.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Take, end and time-out are single <c>UPDATE … WHERE status … RETURNING</c> statements: a second writer of the
/// same row waits for the first, then re-checks the status on the new row and matches nothing, so exactly one caller
/// gets the row back. The time-out sweep picks its rows <c>FOR UPDATE SKIP LOCKED</c> and re-checks them in the update.</item>
/// <item>Creating takes a transaction-level advisory lock on the conversation, so two instances creating for the same
/// conversation at once behave as one after the other (the second ends the first, <c>replaced</c>); a partial unique
/// index keeps one open hand-off per conversation whatever happens.</item>
/// <item>A message is inserted while holding the hand-off's row lock (<c>INSERT … SELECT … FOR UPDATE</c>): it never
/// lands after an end has deleted the messages, and the messages of one hand-off are numbered in commit order, so a
/// reader's watermark (<c>afterSequence</c>) never skips one that commits late.</item>
/// </list>
/// </remarks>
public sealed class PostgresLiveHandoffStore(PostgresDatabase database) : ILiveHandoffStore
{
    private const string Columns = """
        reference, state_key, patient_channel, patient_conversation_id, patient_service_url, patient_user_id, reason,
        requested_at, take_by, status, taken_by, taken_at, seat_channel, seat_conversation_id, seat_service_url,
        seat_tenant_id, seat_bot_id, ended_at, ended_by
        """;

    private const string Open = "status IN ('Waiting', 'Taken')";

    // Messages live only while their hand-off is open.
    private const string DeleteClosedMessages =
        "DELETE FROM live_handoff_message WHERE reference IN (SELECT reference FROM live_handoff WHERE status IN ('Ended', 'TimedOut'))";

    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("live_handoff",
        """
            CREATE TABLE IF NOT EXISTS live_handoff (
                reference               text PRIMARY KEY,
                state_key               text NOT NULL,
                patient_channel         text NOT NULL,
                patient_conversation_id text NOT NULL,
                patient_service_url     text NOT NULL,
                patient_user_id         text NOT NULL,
                reason                  text NOT NULL,
                requested_at            timestamptz NOT NULL,
                take_by                 timestamptz NOT NULL,
                status                  text NOT NULL,
                taken_by                text NULL,
                taken_at                timestamptz NULL,
                seat_channel            text NULL,
                seat_conversation_id    text NULL,
                seat_service_url        text NULL,
                seat_tenant_id          text NULL,
                seat_bot_id             text NULL,
                ended_at                timestamptz NULL,
                ended_by                text NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_live_handoff_open_state ON live_handoff (state_key) WHERE status IN ('Waiting', 'Taken');
            CREATE INDEX IF NOT EXISTS ix_live_handoff_due ON live_handoff (status, take_by);
            CREATE INDEX IF NOT EXISTS ix_live_handoff_seat ON live_handoff (seat_conversation_id, status);
            CREATE INDEX IF NOT EXISTS ix_live_handoff_ended ON live_handoff (ended_at) WHERE status IN ('Ended', 'TimedOut');
            CREATE TABLE IF NOT EXISTS live_handoff_message (
                sequence    bigserial PRIMARY KEY,
                reference   text NOT NULL,
                at          timestamptz NOT NULL,
                sender      text NOT NULL,
                sender_name text NOT NULL,
                text        text NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_live_handoff_message_ref ON live_handoff_message (reference, sequence);
        """);

    /// <inheritdoc />
    public async Task CreateAsync(LiveHandoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Creates of one conversation run one after the other (any instance): the second sees the first's row and ends it.
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(hashtext('chatbot live hand-off ' || current_schema() || ' ' || @key));
            UPDATE live_handoff SET status = 'Ended', ended_at = @at, ended_by = 'replaced' WHERE state_key = @key AND {Open};
            {DeleteClosedMessages};
            INSERT INTO live_handoff ({Columns})
            VALUES (@ref, @key, @channel, @conversation, @serviceUrl, @user, @reason, @at, @takeBy, 'Waiting',
                    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """, connection, transaction))
        {
            command.Parameters.AddText("ref", Normalize(handoff.Reference));
            command.Parameters.AddText("key", handoff.StateKey);
            command.Parameters.AddText("channel", handoff.PatientChannel);
            command.Parameters.AddText("conversation", handoff.PatientConversationId);
            command.Parameters.AddText("serviceUrl", handoff.PatientServiceUrl);
            command.Parameters.AddText("user", handoff.PatientUserId);
            command.Parameters.AddText("reason", handoff.Reason.ToString());
            command.Parameters.AddTime("at", handoff.RequestedAt);
            command.Parameters.AddTime("takeBy", handoff.TakeBy);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LiveHandoff?> GetAsync(string reference, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM live_handoff WHERE reference = @a", Normalize(reference), cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<LiveHandoff?> FindOpenAsync(string stateKey, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM live_handoff WHERE state_key = @a AND {Open} ORDER BY requested_at DESC LIMIT 1", stateKey, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<LiveHandoff?> FindTakenInAsync(string staffConversationId, CancellationToken cancellationToken) =>
        staffConversationId.Length == 0
            ? null
            : (await QueryAsync($"SELECT {Columns} FROM live_handoff WHERE seat_conversation_id = @a AND status = 'Taken' ORDER BY taken_at DESC LIMIT 1", staffConversationId, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveHandoff>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM live_handoff WHERE {Open} ORDER BY requested_at, reference LIMIT @limit", connection);
        AddLimit(command.Parameters, limit);
        return await command.ListAsync(Read, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LiveHandoff?> TryTakeAsync(string reference, string takenBy, LiveHandoffSeat seat, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE live_handoff SET status = 'Taken', taken_by = @by, taken_at = @at, seat_channel = @seatChannel,
                seat_conversation_id = @seatConversation, seat_service_url = @seatServiceUrl, seat_tenant_id = @seatTenant, seat_bot_id = @seatBot
            WHERE reference = @ref AND status = 'Waiting' AND take_by > @at
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddText("ref", Normalize(reference));
        command.Parameters.AddText("by", takenBy);
        command.Parameters.AddTime("at", at);
        command.Parameters.AddText("seatChannel", seat.Channel);
        command.Parameters.AddText("seatConversation", seat.ConversationId);
        command.Parameters.AddText("seatServiceUrl", seat.ServiceUrl);
        command.Parameters.AddText("seatTenant", seat.TenantId);
        command.Parameters.AddText("seatBot", seat.BotId);
        return (await command.ListAsync(Read, cancellationToken)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<LiveHandoff?> TryEndAsync(string reference, string endedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await EndAsync($"reference = @ref AND {Open}", "Ended", endedBy, at, limit: -1, Normalize(reference), cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveHandoff>> ClaimTimedOutAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: a sweep on another instance at the same moment takes other rows instead of waiting for these;
        // the outer condition is checked again on each locked row, so a row is timed out (and returned) once.
        var claimed = await EndAsync(
            """
            reference IN (SELECT reference FROM live_handoff WHERE status = 'Waiting' AND take_by <= @at
                          ORDER BY take_by LIMIT @limit FOR UPDATE SKIP LOCKED)
                AND status = 'Waiting' AND take_by <= @at
            """, "TimedOut", "timeout", now, limit, null, cancellationToken);
        return [.. claimed.OrderBy(h => h.TakeBy).ThenBy(h => h.Reference, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<long?> AddMessageAsync(string reference, LiveHandoffSender sender, string senderName, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // The hand-off's row lock: an end that commits first leaves nothing to match (the status is checked again on the
        // locked row); one that comes after waits for this message and deletes it. Messages of one hand-off get their
        // numbers one at a time, in commit order.
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO live_handoff_message (reference, at, sender, sender_name, text)
            SELECT reference, @at, @sender, @name, @text FROM live_handoff WHERE reference = @ref AND {Open} FOR UPDATE
            RETURNING sequence
            """, connection);
        command.Parameters.AddText("ref", Normalize(reference));
        command.Parameters.AddTime("at", at);
        command.Parameters.AddText("sender", sender.ToString());
        command.Parameters.AddText("name", senderName);
        command.Parameters.AddText("text", text);
        return await command.ExecuteScalarAsync(cancellationToken) is long sequence ? sequence : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveHandoffMessage>> ReadMessagesAsync(string reference, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT sequence, reference, at, sender, sender_name, text FROM live_handoff_message
            WHERE reference = @ref AND sequence > @after ORDER BY sequence LIMIT @limit
            """, connection);
        command.Parameters.AddText("ref", Normalize(reference));
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Bigint) { Value = afterSequence });
        AddLimit(command.Parameters, limit);
        return await command.ListAsync(
            r => new LiveHandoffMessage(
                r.GetInt64(0),
                r.GetString(1),
                r.Time(2),
                Enum.TryParse<LiveHandoffSender>(r.GetString(3), out var parsed) ? parsed : LiveHandoffSender.System,
                r.GetString(4),
                r.GetString(5)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM live_handoff WHERE status IN ('Ended', 'TimedOut') AND ended_at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Normalize(string reference) => reference.Trim().ToUpperInvariant();

    // As SQLite's LIMIT: a negative limit means none (PostgreSQL's LIMIT NULL); PostgreSQL refuses a negative one.
    private static void AddLimit(NpgsqlParameterCollection parameters, int limit) =>
        parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit >= 0 ? limit : DBNull.Value });

    // One reference (@ref), or up to @limit rows (reference null).
    private async Task<IReadOnlyList<LiveHandoff>> EndAsync(
        string where, string status, string endedBy, DateTimeOffset at, int limit, string? reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        List<LiveHandoff> ended;
        await using (var command = new NpgsqlCommand(
            $"UPDATE live_handoff SET status = @status, ended_at = @at, ended_by = @by WHERE {where} RETURNING {Columns}", connection, transaction))
        {
            command.Parameters.AddText("status", status);
            command.Parameters.AddTime("at", at);
            command.Parameters.AddText("by", endedBy);
            if (reference is null)
            {
                AddLimit(command.Parameters, limit);
            }
            else
            {
                command.Parameters.AddText("ref", reference);
            }

            ended = await command.ListAsync(Read, cancellationToken);
        }

        await using (var purge = new NpgsqlCommand(DeleteClosedMessages, connection, transaction))
        {
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    private async Task<IReadOnlyList<LiveHandoff>> QueryAsync(string sql, string argument, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddText("a", argument);
        return await command.ListAsync(Read, cancellationToken);
    }

    private static LiveHandoff Read(NpgsqlDataReader reader)
    {
        var seat = reader.TextOrNull(12) is { } seatChannel
            ? new LiveHandoffSeat(seatChannel, reader.TextOrNull(13) ?? string.Empty, reader.TextOrNull(14) ?? string.Empty, reader.TextOrNull(15), reader.TextOrNull(16))
            : null;
        return new LiveHandoff(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            Enum.TryParse<HandoffReason>(reader.GetString(6), out var reason) ? reason : HandoffReason.Requested,
            reader.Time(7),
            reader.Time(8),
            Enum.TryParse<LiveHandoffStatus>(reader.GetString(9), out var status) ? status : LiveHandoffStatus.Ended,
            reader.TextOrNull(10),
            reader.TimeOrNull(11),
            seat,
            reader.TimeOrNull(17),
            reader.TextOrNull(18));
    }
}
