using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// Direct Line transcripts in PostgreSQL, shared by every instance: a patient's poll may land on any of them.
/// </summary>
/// <remarks>
/// An append takes the conversation row's lock (<c>UPDATE … RETURNING activity_count</c>) and inserts its activities in
/// the same transaction, so concurrent appends on any instances get distinct, contiguous numbers, and they commit in
/// number order: a poller never sees activity n+1 before activity n (no gap that a watermark could skip).
/// </remarks>
public sealed class PostgresDirectLineTranscriptStore(PostgresDatabase database) : IDirectLineTranscriptStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    /// <remarks>Activities are text, not jsonb: unknown fields and their order come back as they were sent.</remarks>
    internal static PostgresTableSchema Schema { get; } = new("directline",
        """
            CREATE TABLE IF NOT EXISTS directline_conversation (
                id               text PRIMARY KEY,
                created_at       timestamptz NOT NULL,
                last_activity_at timestamptz NOT NULL,
                activity_count   bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS directline_activity (
                conversation_id text NOT NULL REFERENCES directline_conversation(id) ON DELETE CASCADE,
                sequence        bigint NOT NULL,
                json            text NOT NULL,
                PRIMARY KEY (conversation_id, sequence));
            CREATE INDEX IF NOT EXISTS ix_directline_last ON directline_conversation(last_activity_at);
        """);

    /// <inheritdoc />
    public async Task<bool> TryCreateConversationAsync(string conversationId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO directline_conversation (id, created_at, last_activity_at, activity_count) VALUES (@id, @at, @at, 0) ON CONFLICT (id) DO NOTHING",
            connection);
        command.Parameters.AddText("id", conversationId);
        command.Parameters.AddTime("at", createdAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<DirectLineConversationInfo?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT created_at, last_activity_at, activity_count FROM directline_conversation WHERE id = @id", connection);
        command.Parameters.AddText("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DirectLineConversationInfo(conversationId, reader.Time(0), reader.Time(1), reader.GetInt64(2))
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, DateTimeOffset appendedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var json = activities.Select(a => BotJson.Serialize(a ?? throw new ArgumentException("Null activity.", nameof(activities)))).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Reserves the numbers: the row lock is held until commit, so the next append (any instance) waits for this one.
        long last;
        await using (var reserve = new NpgsqlCommand(
            "UPDATE directline_conversation SET activity_count = activity_count + @n, last_activity_at = @at WHERE id = @id RETURNING activity_count",
            connection, transaction))
        {
            reserve.Parameters.AddText("id", conversationId);
            reserve.Parameters.Add(new NpgsqlParameter("n", NpgsqlDbType.Bigint) { Value = (long)json.Length });
            reserve.Parameters.AddTime("at", appendedAt);
            last = await reserve.ExecuteScalarAsync(cancellationToken) is long value
                ? value
                : throw new KeyNotFoundException($"Conversation '{conversationId}' does not exist.");
        }

        var first = last - json.Length + 1;
        if (json.Length > 0)
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO directline_activity (conversation_id, sequence, json)
                SELECT @id, @first + t.ordinality - 1, t.json FROM unnest(@json) WITH ORDINALITY AS t(json, ordinality)
                """, connection, transaction);
            insert.Parameters.AddText("id", conversationId);
            insert.Parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Bigint) { Value = first });
            insert.Parameters.Add(new NpgsqlParameter("json", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = json });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. Enumerable.Range(0, json.Length).Select(i => first + i)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DirectLineTranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT sequence, json FROM directline_activity WHERE conversation_id = @id AND sequence > @after ORDER BY sequence LIMIT @max", connection);
        command.Parameters.AddText("id", conversationId);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Bigint) { Value = afterSequence });
        command.Parameters.AddInt("max", Math.Max(1, maxCount));
        var rows = await command.ListAsync(r => (Sequence: r.GetInt64(0), Json: r.GetString(1)), cancellationToken);
        return [.. rows
            .Select(row => (row.Sequence, Activity: BotJson.Deserialize<Activity>(row.Json)))
            .Where(row => row.Activity is not null)
            .Select(row => new DirectLineTranscriptEntry(row.Sequence, row.Activity!))];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Scans the conversation's activities (bounded by <c>MaxActivitiesPerConversation</c>, found by the primary key);
    /// only rows that contain the id as text are parsed as JSON.
    /// </remarks>
    public async Task<long?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT sequence FROM (
                SELECT sequence, json FROM directline_activity
                WHERE conversation_id = @id AND strpos(json, @client) > 0 OFFSET 0) AS candidate
            WHERE (json::json -> 'channelData' ->> 'clientActivityID') = @client
            ORDER BY sequence LIMIT 1
            """, connection);
        command.Parameters.AddText("id", conversationId);
        command.Parameters.AddText("client", clientActivityId);
        return await command.ExecuteScalarAsync(cancellationToken) is long sequence ? sequence : null;
    }

    /// <inheritdoc />
    public async Task<int> DeleteInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // The activities go with their conversation (ON DELETE CASCADE).
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM directline_conversation WHERE last_activity_at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
