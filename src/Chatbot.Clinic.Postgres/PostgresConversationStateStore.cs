using Chatbot.Clinic.Conversations;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// Conversation state in PostgreSQL, guarded by ETags so that two instances serving the same conversation never
/// overwrite each other's turn: an update names the ETag it read, and matching no row is a conflict.
/// </summary>
public sealed class PostgresConversationStateStore(PostgresDatabase database, TimeProvider timeProvider) : IConversationStateStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    /// <remarks>The JSON is text, not jsonb: the bot gets back exactly the document it wrote.</remarks>
    internal static PostgresTableSchema Schema { get; } = new("conversation_state",
        """
            CREATE TABLE IF NOT EXISTS conversation_state (
                key        text PRIMARY KEY,
                json       text NOT NULL,
                etag       text NOT NULL,
                updated_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_conversation_state_updated ON conversation_state(updated_at);
        """);

    /// <inheritdoc />
    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT json, etag FROM conversation_state WHERE key = @key", connection);
        command.Parameters.AddText("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDocument(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenAsync(cancellationToken);

        // Insert-only when no ETag is expected (another instance may have created it first); otherwise the update
        // matches only the version that was read. Either way, no row written means someone else won.
        await using var command = new NpgsqlCommand(
            expectedETag is null
                ? "INSERT INTO conversation_state (key, json, etag, updated_at) VALUES (@key, @json, @etag, @now) ON CONFLICT (key) DO NOTHING"
                : "UPDATE conversation_state SET json = @json, etag = @etag, updated_at = @now WHERE key = @key AND etag = @expected",
            connection);
        command.Parameters.AddText("key", key);
        command.Parameters.AddText("json", json);
        command.Parameters.AddText("etag", etag);
        command.Parameters.AddTime("now", timeProvider.GetUtcNow());
        if (expectedETag is not null)
        {
            command.Parameters.AddText("expected", expectedETag);
        }

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
        await using var command = new NpgsqlCommand("DELETE FROM conversation_state WHERE key = @key", connection);
        command.Parameters.AddText("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> RewriteAsync(DateTimeOffset writtenBefore, string marker, Func<string, string?> rewrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        await using var connection = await database.OpenAsync(cancellationToken);
        List<(string Key, string Json, string ETag)> candidates;
        await using (var select = new NpgsqlCommand(
            "SELECT key, json, etag FROM conversation_state WHERE updated_at < @cutoff AND strpos(json, @marker) > 0 LIMIT 1000", connection))
        {
            select.Parameters.AddTime("cutoff", writtenBefore);
            select.Parameters.AddText("marker", marker);
            candidates = await select.ListAsync(r => (r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);
        }

        var rewritten = 0;
        foreach (var (key, json, etag) in candidates)
        {
            if (rewrite(json) is not { } replacement)
            {
                continue;
            }

            // Guarded by the ETag: a patient who comes back meanwhile (on any instance) keeps the state their turn wrote.
            await using var update = new NpgsqlCommand("UPDATE conversation_state SET json = @json, etag = @newEtag WHERE key = @key AND etag = @etag", connection);
            update.Parameters.AddText("json", replacement);
            update.Parameters.AddText("newEtag", Guid.NewGuid().ToString("N"));
            update.Parameters.AddText("key", key);
            update.Parameters.AddText("etag", etag);
            rewritten += await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rewritten;
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM conversation_state WHERE updated_at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", olderThan);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
