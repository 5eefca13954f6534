using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Teams;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Teams conversation references in the bot's SQLite database.</summary>
public sealed class SqliteTeamsConversationStore(SqliteDatabase database) : ITeamsConversationStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("teams_conversation",
        """
            CREATE TABLE IF NOT EXISTS teams_conversation (
                key               TEXT PRIMARY KEY,
                conversation_id   TEXT NOT NULL,
                service_url       TEXT NOT NULL,
                tenant_id         TEXT NULL,
                team_id           TEXT NULL,
                channel_id        TEXT NULL,
                conversation_type TEXT NOT NULL,
                bot_id            TEXT NULL,
                bot_name          TEXT NULL,
                updated_at        TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_teams_conversation_channel ON teams_conversation(channel_id);
        """);

    private const string Columns = "key, conversation_id, service_url, tenant_id, team_id, channel_id, conversation_type, bot_id, bot_name, updated_at";

    /// <inheritdoc />
    public async Task SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO teams_conversation ({Columns})
            VALUES ($key, $conversation, $serviceUrl, $tenant, $team, $channel, $type, $bot, $botName, $updated)
            ON CONFLICT(key) DO UPDATE SET conversation_id = excluded.conversation_id, service_url = excluded.service_url,
                tenant_id = COALESCE(excluded.tenant_id, tenant_id), team_id = COALESCE(excluded.team_id, team_id),
                channel_id = COALESCE(excluded.channel_id, channel_id), conversation_type = excluded.conversation_type,
                bot_id = COALESCE(excluded.bot_id, bot_id), bot_name = COALESCE(excluded.bot_name, bot_name),
                updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$key", reference.Key);
        command.Parameters.AddWithValue("$conversation", reference.ConversationId);
        command.Parameters.AddWithValue("$serviceUrl", reference.ServiceUrl);
        command.Parameters.AddWithValue("$tenant", (object?)reference.TenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("$team", (object?)reference.TeamId ?? DBNull.Value);
        command.Parameters.AddWithValue("$channel", (object?)reference.ChannelId ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", reference.ConversationType);
        command.Parameters.AddWithValue("$bot", (object?)reference.BotId ?? DBNull.Value);
        command.Parameters.AddWithValue("$botName", (object?)reference.BotName ?? DBNull.Value);
        command.Parameters.AddWithValue("$updated", SqliteFormat.Time(reference.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM teams_conversation WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TeamsConversationReference?> FindChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync("WHERE channel_id = $channel COLLATE NOCASE ORDER BY updated_at DESC LIMIT 1", channelId, 1, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TeamsConversationReference>> ListAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY updated_at DESC LIMIT $limit", null, limit, cancellationToken);

    private async Task<IReadOnlyList<TeamsConversationReference>> QueryAsync(string where, string? channelId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM teams_conversation {where}";
        command.Parameters.AddWithValue("$channel", (object?)channelId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<TeamsConversationReference>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    private static TeamsConversationReference Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        SqliteFormat.ParseTime(reader.GetString(9)));
}
