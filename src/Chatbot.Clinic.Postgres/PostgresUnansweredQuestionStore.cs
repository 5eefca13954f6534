using Chatbot.Clinic.Unanswered;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>Redacted unanswered questions in PostgreSQL (table <c>unanswered_question</c>).</summary>
public sealed class PostgresUnansweredQuestionStore(PostgresDatabase database) : IUnansweredQuestionStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("unanswered_question",
        """
            CREATE TABLE IF NOT EXISTS unanswered_question (
                id            bigserial PRIMARY KEY,
                created_at    timestamptz NOT NULL,
                channel       text NOT NULL,
                reason        text NOT NULL,
                text          text NOT NULL,
                top_intents   text NOT NULL,
                model_version text NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_unanswered_created ON unanswered_question(created_at);
        """);

    /// <inheritdoc />
    public async Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO unanswered_question (created_at, channel, reason, text, top_intents, model_version)
            VALUES (@created, @channel, @reason, @text, @top, @model)
            """, connection);
        command.Parameters.AddTime("created", question.CreatedAt);
        command.Parameters.AddText("channel", question.Channel);
        command.Parameters.AddText("reason", question.Reason.ToString());
        command.Parameters.AddText("text", question.RedactedText);
        command.Parameters.AddText("top", question.TopIntents);
        command.Parameters.AddText("model", question.ModelVersion);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnansweredQuestion>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT id, created_at, channel, reason, text, top_intents, model_version FROM unanswered_question
            WHERE created_at >= @since ORDER BY created_at DESC, id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddTime("since", since);
        command.Parameters.AddInt("limit", limit);
        return await command.ListAsync(
            r => new UnansweredQuestion(
                r.GetInt64(0),
                r.Time(1),
                r.GetString(2),
                Enum.TryParse<UnansweredReason>(r.GetString(3), out var reason) ? reason : UnansweredReason.Fallback,
                r.GetString(4),
                r.GetString(5),
                r.GetString(6)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM unanswered_question WHERE created_at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", olderThan);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
