using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Reviewed wordings in the bot's SQLite database (table <c>unanswered_review</c>).</summary>
public sealed class SqliteUnansweredReviewStore(SqliteDatabase database) : IUnansweredReviewStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("unanswered_review",
        """
            CREATE TABLE IF NOT EXISTS unanswered_review (
                text_key    TEXT PRIMARY KEY,
                action      TEXT NOT NULL,
                entry_id    TEXT NULL,
                reviewed_by TEXT NOT NULL,
                reviewed_at TEXT NOT NULL);
        """);

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ReviewedKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text_key FROM unanswered_review";
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <inheritdoc />
    public async Task MarkAsync(IEnumerable<string> keys, UnansweredReviewAction action, string? entryId, string user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO unanswered_review (text_key, action, entry_id, reviewed_by, reviewed_at)
                VALUES ($key, $action, $entry, $user, $at)
                ON CONFLICT(text_key) DO UPDATE SET action = excluded.action, entry_id = excluded.entry_id,
                    reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at
                """;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$action", action.ToString());
            command.Parameters.AddWithValue("$entry", (object?)entryId ?? DBNull.Value);
            command.Parameters.AddWithValue("$user", user);
            command.Parameters.AddWithValue("$at", SqliteFormat.Time(at));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset reviewedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM unanswered_review WHERE reviewed_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", reviewedBefore.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
