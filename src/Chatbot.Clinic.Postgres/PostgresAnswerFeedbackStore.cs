using Chatbot.Clinic.Feedback;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>Patients' votes on approved answers in PostgreSQL (table <c>answer_feedback</c>).</summary>
public sealed class PostgresAnswerFeedbackStore(PostgresDatabase database) : IAnswerFeedbackStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("answer_feedback",
        """
            CREATE TABLE IF NOT EXISTS answer_feedback (
                id            text PRIMARY KEY,
                voted_at      timestamptz NOT NULL,
                channel       text NOT NULL,
                intent        text NOT NULL,
                model_version text NOT NULL,
                vote          text NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_answer_feedback_voted ON answer_feedback(voted_at);
        """);

    /// <inheritdoc />
    public async Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO answer_feedback (id, voted_at, channel, intent, model_version, vote)
            VALUES (@id, @voted, @channel, @intent, @model, @vote)
            ON CONFLICT (id) DO UPDATE SET voted_at = excluded.voted_at, channel = excluded.channel,
                intent = excluded.intent, model_version = excluded.model_version, vote = excluded.vote
            """, connection);
        command.Parameters.AddText("id", feedback.Id);
        command.Parameters.AddTime("voted", feedback.VotedAt);
        command.Parameters.AddText("channel", feedback.Channel);
        command.Parameters.AddText("intent", feedback.Intent);
        command.Parameters.AddText("model", feedback.ModelVersion);
        command.Parameters.AddText("vote", feedback.Vote.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnswerFeedbackCount>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // COLLATE "C": ordinal order, the same as the SQLite and in-memory stores whatever the database's collation.
        // count(*) is bigint, hence the casts to int.
        await using var command = new NpgsqlCommand(
            """
            SELECT intent, model_version,
                   (count(*) FILTER (WHERE vote = 'Helpful'))::int,
                   (count(*) FILTER (WHERE vote = 'NotHelpful'))::int,
                   max(voted_at)
            FROM answer_feedback WHERE voted_at >= @since
            GROUP BY intent, model_version ORDER BY intent COLLATE "C", model_version COLLATE "C"
            """, connection);
        command.Parameters.AddTime("since", since);
        return await command.ListAsync(
            r => new AnswerFeedbackCount(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.Time(4)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM answer_feedback WHERE voted_at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", olderThan);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
