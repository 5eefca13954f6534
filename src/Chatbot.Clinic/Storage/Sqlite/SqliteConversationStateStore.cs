using System.Globalization;
using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Conversations;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Conversation state in the bot's SQLite database, guarded by ETags.</summary>
public sealed class SqliteConversationStateStore(SqliteDatabase database, TimeProvider timeProvider) : IConversationStateStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("conversation_state",
        """
            CREATE TABLE IF NOT EXISTS conversation_state (
                key        TEXT PRIMARY KEY,
                json       TEXT NOT NULL,
                etag       TEXT NOT NULL,
                updated_at TEXT NOT NULL);
        """);

    private const int SqliteConstraint = 19;

    /// <inheritdoc />
    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, etag FROM conversation_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDocument(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        var now = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$json", json);
        command.Parameters.AddWithValue("$etag", etag);
        command.Parameters.AddWithValue("$now", now);
        if (expectedETag is null)
        {
            command.CommandText = "INSERT INTO conversation_state (key, json, etag, updated_at) VALUES ($key, $json, $etag, $now)";
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
            {
                throw new ConcurrencyConflictException(key);
            }

            return etag;
        }

        command.CommandText = "UPDATE conversation_state SET json = $json, etag = $etag, updated_at = $now WHERE key = $key AND etag = $expected";
        command.Parameters.AddWithValue("$expected", expectedETag);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new ConcurrencyConflictException(key);
        }

        return etag;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM conversation_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> RewriteAsync(DateTimeOffset writtenBefore, string marker, Func<string, string?> rewrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        await using var connection = await database.OpenAsync(cancellationToken);
        var candidates = new List<(string Key, string Json, string ETag)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT key, json, etag FROM conversation_state WHERE updated_at < $cutoff AND instr(json, $marker) > 0 LIMIT 1000";
            select.Parameters.AddWithValue("$cutoff", writtenBefore.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            select.Parameters.AddWithValue("$marker", marker);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var rewritten = 0;
        foreach (var (key, json, etag) in candidates)
        {
            if (rewrite(json) is not { } replacement)
            {
                continue;
            }

            // Guarded by the ETag: a patient who comes back meanwhile keeps the state their turn wrote.
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE conversation_state SET json = $json, etag = $newEtag WHERE key = $key AND etag = $etag";
            update.Parameters.AddWithValue("$json", replacement);
            update.Parameters.AddWithValue("$newEtag", Guid.NewGuid().ToString("N"));
            update.Parameters.AddWithValue("$key", key);
            update.Parameters.AddWithValue("$etag", etag);
            rewritten += await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rewritten;
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM conversation_state WHERE updated_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", olderThan.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
