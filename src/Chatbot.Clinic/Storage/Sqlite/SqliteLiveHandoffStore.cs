using Chatbot.Clinic.Handoffs;
using Microsoft.Data.Sqlite;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>
/// Live hand-offs in the bot's SQLite database (tables <c>live_handoff</c> and <c>live_handoff_message</c>). Status
/// changes are single <c>UPDATE … WHERE status … RETURNING</c> statements: the compare-and-set that lets several
/// processes share the file without taking or timing out a hand-off twice.
/// </summary>
public sealed class SqliteLiveHandoffStore(SqliteDatabase database) : ILiveHandoffStore
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

    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("live_handoff",
        """
            CREATE TABLE IF NOT EXISTS live_handoff (
                reference               TEXT PRIMARY KEY,
                state_key               TEXT NOT NULL,
                patient_channel         TEXT NOT NULL,
                patient_conversation_id TEXT NOT NULL,
                patient_service_url     TEXT NOT NULL,
                patient_user_id         TEXT NOT NULL,
                reason                  TEXT NOT NULL,
                requested_at            TEXT NOT NULL,
                take_by                 TEXT NOT NULL,
                status                  TEXT NOT NULL,
                taken_by                TEXT,
                taken_at                TEXT,
                seat_channel            TEXT,
                seat_conversation_id    TEXT,
                seat_service_url        TEXT,
                seat_tenant_id          TEXT,
                seat_bot_id             TEXT,
                ended_at                TEXT,
                ended_by                TEXT);
            CREATE INDEX IF NOT EXISTS ix_live_handoff_state ON live_handoff (state_key, status);
            CREATE INDEX IF NOT EXISTS ix_live_handoff_due ON live_handoff (status, take_by);
            CREATE INDEX IF NOT EXISTS ix_live_handoff_seat ON live_handoff (seat_conversation_id, status);
            CREATE TABLE IF NOT EXISTS live_handoff_message (
                sequence    INTEGER PRIMARY KEY AUTOINCREMENT,
                reference   TEXT NOT NULL,
                at          TEXT NOT NULL,
                sender      TEXT NOT NULL,
                sender_name TEXT NOT NULL,
                text        TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_live_handoff_message_ref ON live_handoff_message (reference, sequence);
        """);

    /// <inheritdoc />
    public async Task CreateAsync(LiveHandoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                UPDATE live_handoff SET status = 'Ended', ended_at = $at, ended_by = 'replaced' WHERE state_key = $key AND {Open};
                {DeleteClosedMessages};
                INSERT INTO live_handoff ({Columns})
                VALUES ($ref, $key, $channel, $conversation, $serviceUrl, $user, $reason, $at, $takeBy, 'Waiting',
                        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
                """;
            command.Parameters.AddWithValue("$ref", Normalize(handoff.Reference));
            command.Parameters.AddWithValue("$key", handoff.StateKey);
            command.Parameters.AddWithValue("$channel", handoff.PatientChannel);
            command.Parameters.AddWithValue("$conversation", handoff.PatientConversationId);
            command.Parameters.AddWithValue("$serviceUrl", handoff.PatientServiceUrl);
            command.Parameters.AddWithValue("$user", handoff.PatientUserId);
            command.Parameters.AddWithValue("$reason", handoff.Reason.ToString());
            command.Parameters.AddWithValue("$at", SqliteFormat.Time(handoff.RequestedAt));
            command.Parameters.AddWithValue("$takeBy", SqliteFormat.Time(handoff.TakeBy));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LiveHandoff?> GetAsync(string reference, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM live_handoff WHERE reference = $a", Normalize(reference), cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<LiveHandoff?> FindOpenAsync(string stateKey, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM live_handoff WHERE state_key = $a AND {Open} ORDER BY requested_at DESC LIMIT 1", stateKey, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<LiveHandoff?> FindTakenInAsync(string staffConversationId, CancellationToken cancellationToken) =>
        staffConversationId.Length == 0
            ? null
            : (await QueryAsync($"SELECT {Columns} FROM live_handoff WHERE seat_conversation_id = $a AND status = 'Taken' ORDER BY taken_at DESC LIMIT 1", staffConversationId, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveHandoff>> ListOpenAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM live_handoff WHERE {Open} ORDER BY requested_at LIMIT $a", limit, cancellationToken);

    /// <inheritdoc />
    public async Task<LiveHandoff?> TryTakeAsync(string reference, string takenBy, LiveHandoffSeat seat, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE live_handoff SET status = 'Taken', taken_by = $by, taken_at = $at, seat_channel = $seatChannel,
                seat_conversation_id = $seatConversation, seat_service_url = $seatServiceUrl, seat_tenant_id = $seatTenant, seat_bot_id = $seatBot
            WHERE reference = $ref AND status = 'Waiting' AND take_by > $at
            RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$ref", Normalize(reference));
        command.Parameters.AddWithValue("$by", takenBy);
        command.Parameters.AddWithValue("$at", SqliteFormat.Time(at));
        command.Parameters.AddWithValue("$seatChannel", seat.Channel);
        command.Parameters.AddWithValue("$seatConversation", seat.ConversationId);
        command.Parameters.AddWithValue("$seatServiceUrl", seat.ServiceUrl);
        command.Parameters.AddWithValue("$seatTenant", (object?)seat.TenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("$seatBot", (object?)seat.BotId ?? DBNull.Value);
        return (await ReadAllAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<LiveHandoff?> TryEndAsync(string reference, string endedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await EndAsync($"reference = $ref AND {Open}", "Ended", endedBy, at, int.MaxValue, Normalize(reference), cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<LiveHandoff>> ClaimTimedOutAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        EndAsync("reference IN (SELECT reference FROM live_handoff WHERE status = 'Waiting' AND take_by <= $at ORDER BY take_by LIMIT $limit)", "TimedOut", "timeout", now, limit, null, cancellationToken);

    /// <inheritdoc />
    public async Task<long?> AddMessageAsync(string reference, LiveHandoffSender sender, string senderName, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO live_handoff_message (reference, at, sender, sender_name, text)
            SELECT reference, $at, $sender, $name, $text FROM live_handoff WHERE reference = $ref AND {Open}
            RETURNING sequence
            """;
        command.Parameters.AddWithValue("$ref", Normalize(reference));
        command.Parameters.AddWithValue("$at", SqliteFormat.Time(at));
        command.Parameters.AddWithValue("$sender", sender.ToString());
        command.Parameters.AddWithValue("$name", senderName);
        command.Parameters.AddWithValue("$text", text);
        return await command.ExecuteScalarAsync(cancellationToken) is long sequence ? sequence : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveHandoffMessage>> ReadMessagesAsync(string reference, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, reference, at, sender, sender_name, text FROM live_handoff_message
            WHERE reference = $ref AND sequence > $after ORDER BY sequence LIMIT $limit
            """;
        command.Parameters.AddWithValue("$ref", Normalize(reference));
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<LiveHandoffMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new LiveHandoffMessage(
                reader.GetInt64(0), reader.GetString(1), SqliteFormat.ParseTime(reader.GetString(2)),
                Enum.TryParse<LiveHandoffSender>(reader.GetString(3), out var sender) ? sender : LiveHandoffSender.System,
                reader.GetString(4), reader.GetString(5)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<int> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM live_handoff WHERE status IN ('Ended', 'TimedOut') AND ended_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", SqliteFormat.Time(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Normalize(string reference) => reference.Trim().ToUpperInvariant();

    private async Task<IReadOnlyList<LiveHandoff>> EndAsync(
        string where, string status, string endedBy, DateTimeOffset at, int limit, string? reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        IReadOnlyList<LiveHandoff> ended;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"UPDATE live_handoff SET status = $status, ended_at = $at, ended_by = $by WHERE {where} RETURNING {Columns}";
            command.Parameters.AddWithValue("$status", status);
            command.Parameters.AddWithValue("$at", SqliteFormat.Time(at));
            command.Parameters.AddWithValue("$by", endedBy);
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$ref", (object?)reference ?? DBNull.Value);
            ended = await ReadAllAsync(command, cancellationToken);
        }

        await using (var purge = connection.CreateCommand())
        {
            purge.Transaction = transaction;
            purge.CommandText = DeleteClosedMessages;
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    private async Task<IReadOnlyList<LiveHandoff>> QueryAsync(string sql, object argument, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", argument);
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<LiveHandoff>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<LiveHandoff>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : SqliteFormat.ParseTime(reader.GetString(i));
            var seat = Text(12) is { } seatChannel
                ? new LiveHandoffSeat(seatChannel, Text(13) ?? string.Empty, Text(14) ?? string.Empty, Text(15), Text(16))
                : null;
            result.Add(new LiveHandoff(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Enum.TryParse<HandoffReason>(reader.GetString(6), out var reason) ? reason : HandoffReason.Requested,
                SqliteFormat.ParseTime(reader.GetString(7)),
                SqliteFormat.ParseTime(reader.GetString(8)),
                Enum.TryParse<LiveHandoffStatus>(reader.GetString(9), out var status) ? status : LiveHandoffStatus.Ended,
                Text(10), Time(11), seat, Time(17), Text(18)));
        }

        return result;
    }
}
