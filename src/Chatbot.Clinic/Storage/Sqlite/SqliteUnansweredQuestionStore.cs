using System.Globalization;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Unanswered questions in the bot's SQLite database.</summary>
public sealed class SqliteUnansweredQuestionStore(SqliteDatabase database) : IUnansweredQuestionStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("unanswered_question",
        """
            CREATE TABLE IF NOT EXISTS unanswered_question (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                created_at    TEXT NOT NULL,
                channel       TEXT NOT NULL,
                reason        TEXT NOT NULL,
                text          TEXT NOT NULL,
                top_intents   TEXT NOT NULL,
                model_version TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_unanswered_created ON unanswered_question(created_at);
        """);

    /// <inheritdoc />
    public async Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO unanswered_question (created_at, channel, reason, text, top_intents, model_version)
            VALUES ($created, $channel, $reason, $text, $top, $model)
            """;
        command.Parameters.AddWithValue("$created", Format(question.CreatedAt));
        command.Parameters.AddWithValue("$channel", question.Channel);
        command.Parameters.AddWithValue("$reason", question.Reason.ToString());
        command.Parameters.AddWithValue("$text", question.RedactedText);
        command.Parameters.AddWithValue("$top", question.TopIntents);
        command.Parameters.AddWithValue("$model", question.ModelVersion);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnansweredQuestion>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, created_at, channel, reason, text, top_intents, model_version FROM unanswered_question
            WHERE created_at >= $since ORDER BY created_at DESC, id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$since", Format(since));
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<UnansweredQuestion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new UnansweredQuestion(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2),
                Enum.TryParse<UnansweredReason>(reader.GetString(3), out var reason) ? reason : UnansweredReason.Fallback,
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM unanswered_question WHERE created_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", Format(olderThan));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
