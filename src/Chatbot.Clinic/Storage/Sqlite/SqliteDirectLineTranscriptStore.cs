using System.Globalization;
using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Schema;
using Microsoft.Data.Sqlite;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Direct Line transcripts in the bot's SQLite database, so a restart loses no conversation.</summary>
public sealed class SqliteDirectLineTranscriptStore(SqliteDatabase database) : IDirectLineTranscriptStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("directline",
        """
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
        """);

    private const int SqliteConstraint = 19;

    /// <inheritdoc />
    public async Task<bool> TryCreateConversationAsync(string conversationId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO directline_conversation (id, created_at, last_activity_at, activity_count) VALUES ($id, $at, $at, 0)";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$at", Format(createdAt));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<DirectLineConversationInfo?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at, last_activity_at, activity_count FROM directline_conversation WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DirectLineConversationInfo(conversationId, Parse(reader.GetString(0)), Parse(reader.GetString(1)), reader.GetInt64(2))
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, DateTimeOffset appendedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var json = activities.Select(a => BotJson.Serialize(a ?? throw new ArgumentException("Null activity.", nameof(activities)))).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);

        // BEGIN IMMEDIATE takes the write lock up front, so concurrent appends to one conversation get distinct numbers.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        long count;
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT activity_count FROM directline_conversation WHERE id = $id";
            select.Parameters.AddWithValue("$id", conversationId);
            count = await select.ExecuteScalarAsync(cancellationToken) is long value
                ? value
                : throw new KeyNotFoundException($"Conversation '{conversationId}' does not exist.");
        }

        var sequences = new List<long>(json.Count);
        foreach (var activityJson in json)
        {
            var sequence = ++count;
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO directline_activity (conversation_id, sequence, json) VALUES ($id, $seq, $json)";
            insert.Parameters.AddWithValue("$id", conversationId);
            insert.Parameters.AddWithValue("$seq", sequence);
            insert.Parameters.AddWithValue("$json", activityJson);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            sequences.Add(sequence);
        }

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE directline_conversation SET activity_count = $count, last_activity_at = $at WHERE id = $id";
            update.Parameters.AddWithValue("$count", count);
            update.Parameters.AddWithValue("$at", Format(appendedAt));
            update.Parameters.AddWithValue("$id", conversationId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sequences;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DirectLineTranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, json FROM directline_activity WHERE conversation_id = $id AND sequence > $after ORDER BY sequence LIMIT $max";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$max", Math.Max(1, maxCount));
        var entries = new List<DirectLineTranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var activity = BotJson.Deserialize<Activity>(reader.GetString(1));
            if (activity is not null)
            {
                entries.Add(new DirectLineTranscriptEntry(reader.GetInt64(0), activity));
            }
        }

        return entries;
    }

    /// <inheritdoc />
    /// <remarks>Scans the conversation's activities (bounded by <c>MaxActivitiesPerConversation</c>) with SQLite's JSON functions.</remarks>
    public async Task<long?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence FROM directline_activity
            WHERE conversation_id = $id AND instr(json, $client) > 0 AND json_valid(json)
              AND json_extract(json, '$.channelData.clientActivityID') = $client
            ORDER BY sequence LIMIT 1
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$client", clientActivityId);
        return await command.ExecuteScalarAsync(cancellationToken) is long sequence ? sequence : null;
    }

    /// <inheritdoc />
    public async Task<int> DeleteInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var activities = connection.CreateCommand();
        activities.Transaction = transaction;
        activities.CommandText = """
            DELETE FROM directline_activity WHERE conversation_id IN
                (SELECT id FROM directline_conversation WHERE last_activity_at < $cutoff)
            """;
        activities.Parameters.AddWithValue("$cutoff", Format(cutoff));
        await activities.ExecuteNonQueryAsync(cancellationToken);
        await using var conversations = connection.CreateCommand();
        conversations.Transaction = transaction;
        conversations.CommandText = "DELETE FROM directline_conversation WHERE last_activity_at < $cutoff";
        conversations.Parameters.AddWithValue("$cutoff", Format(cutoff));
        var deleted = await conversations.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
