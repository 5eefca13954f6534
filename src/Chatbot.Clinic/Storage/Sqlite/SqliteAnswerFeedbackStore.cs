using System.Globalization;
using Chatbot.Clinic.Feedback;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Answer feedback in the bot's SQLite database.</summary>
public sealed class SqliteAnswerFeedbackStore(SqliteDatabase database) : IAnswerFeedbackStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("answer_feedback",
        """
            CREATE TABLE IF NOT EXISTS answer_feedback (
                id            TEXT PRIMARY KEY,
                voted_at      TEXT NOT NULL,
                channel       TEXT NOT NULL,
                intent        TEXT NOT NULL,
                model_version TEXT NOT NULL,
                vote          TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_answer_feedback_voted ON answer_feedback(voted_at);
        """);

    /// <inheritdoc />
    public async Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO answer_feedback (id, voted_at, channel, intent, model_version, vote)
            VALUES ($id, $voted, $channel, $intent, $model, $vote)
            ON CONFLICT(id) DO UPDATE SET voted_at = excluded.voted_at, channel = excluded.channel,
                intent = excluded.intent, model_version = excluded.model_version, vote = excluded.vote
            """;
        command.Parameters.AddWithValue("$id", feedback.Id);
        command.Parameters.AddWithValue("$voted", Format(feedback.VotedAt));
        command.Parameters.AddWithValue("$channel", feedback.Channel);
        command.Parameters.AddWithValue("$intent", feedback.Intent);
        command.Parameters.AddWithValue("$model", feedback.ModelVersion);
        command.Parameters.AddWithValue("$vote", feedback.Vote.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnswerFeedbackCount>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT intent, model_version,
                   SUM(CASE WHEN vote = 'Helpful' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN vote = 'NotHelpful' THEN 1 ELSE 0 END),
                   MAX(voted_at)
            FROM answer_feedback WHERE voted_at >= $since
            GROUP BY intent, model_version ORDER BY intent, model_version
            """;
        command.Parameters.AddWithValue("$since", Format(since));
        var result = new List<AnswerFeedbackCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new AnswerFeedbackCount(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM answer_feedback WHERE voted_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", Format(olderThan));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
