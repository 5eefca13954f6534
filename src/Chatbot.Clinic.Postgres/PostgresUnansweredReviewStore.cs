using Chatbot.Clinic.Unanswered;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>Staff decisions on unanswered wordings in PostgreSQL (table <c>unanswered_review</c>).</summary>
public sealed class PostgresUnansweredReviewStore(PostgresDatabase database) : IUnansweredReviewStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("unanswered_review",
        """
            CREATE TABLE IF NOT EXISTS unanswered_review (
                text_key    text PRIMARY KEY,
                action      text NOT NULL,
                entry_id    text NULL,
                reviewed_by text NOT NULL,
                reviewed_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_unanswered_review_at ON unanswered_review(reviewed_at);
        """);

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ReviewedKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT text_key FROM unanswered_review", connection);
        return (await command.ListAsync(r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task MarkAsync(IEnumerable<string> keys, UnansweredReviewAction action, string? entryId, string user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO unanswered_review (text_key, action, entry_id, reviewed_by, reviewed_at)
            SELECT key, @action, @entry, @user, @at FROM unnest(@keys) AS key
            ON CONFLICT (text_key) DO UPDATE SET action = excluded.action, entry_id = excluded.entry_id,
                reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = distinct });
        command.Parameters.AddText("action", action.ToString());
        command.Parameters.AddText("entry", entryId);
        command.Parameters.AddText("user", user);
        command.Parameters.AddTime("at", at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset reviewedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM unanswered_review WHERE reviewed_at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", reviewedBefore);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
