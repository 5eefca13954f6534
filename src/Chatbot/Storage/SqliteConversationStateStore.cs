using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Chatbot.Storage;

/// <summary>Conversation state in the bot's SQLite database, guarded by ETags.</summary>
public sealed class SqliteConversationStateStore(SqliteDatabase database, TimeProvider timeProvider) : IConversationStateStore
{
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
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM conversation_state WHERE updated_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", olderThan.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
