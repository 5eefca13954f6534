using Chatbot.Clinic.Teams;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>Teams conversation references in PostgreSQL (table <c>teams_conversation</c>).</summary>
public sealed class PostgresTeamsConversationStore(PostgresDatabase database) : ITeamsConversationStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("teams_conversation",
        """
            CREATE TABLE IF NOT EXISTS teams_conversation (
                key               text PRIMARY KEY,
                conversation_id   text NOT NULL,
                service_url       text NOT NULL,
                tenant_id         text NULL,
                team_id           text NULL,
                channel_id        text NULL,
                conversation_type text NOT NULL,
                bot_id            text NULL,
                bot_name          text NULL,
                updated_at        timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_teams_conversation_channel ON teams_conversation(lower(channel_id));
            CREATE INDEX IF NOT EXISTS ix_teams_conversation_updated ON teams_conversation(updated_at);
        """);

    private const string Columns = "key, conversation_id, service_url, tenant_id, team_id, channel_id, conversation_type, bot_id, bot_name, updated_at";

    /// <inheritdoc />
    public async Task SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO teams_conversation AS t ({Columns})
            VALUES (@key, @conversation, @serviceUrl, @tenant, @team, @channel, @type, @bot, @botName, @updated)
            ON CONFLICT (key) DO UPDATE SET conversation_id = excluded.conversation_id, service_url = excluded.service_url,
                tenant_id = COALESCE(excluded.tenant_id, t.tenant_id), team_id = COALESCE(excluded.team_id, t.team_id),
                channel_id = COALESCE(excluded.channel_id, t.channel_id), conversation_type = excluded.conversation_type,
                bot_id = COALESCE(excluded.bot_id, t.bot_id), bot_name = COALESCE(excluded.bot_name, t.bot_name),
                updated_at = excluded.updated_at
            """, connection);
        command.Parameters.AddText("key", reference.Key);
        command.Parameters.AddText("conversation", reference.ConversationId);
        command.Parameters.AddText("serviceUrl", reference.ServiceUrl);
        command.Parameters.AddText("tenant", reference.TenantId);
        command.Parameters.AddText("team", reference.TeamId);
        command.Parameters.AddText("channel", reference.ChannelId);
        command.Parameters.AddText("type", reference.ConversationType);
        command.Parameters.AddText("bot", reference.BotId);
        command.Parameters.AddText("botName", reference.BotName);
        command.Parameters.AddTime("updated", reference.UpdatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM teams_conversation WHERE key = @key", connection);
        command.Parameters.AddText("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TeamsConversationReference?> FindChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM teams_conversation WHERE lower(channel_id) = lower(@channel) ORDER BY updated_at DESC LIMIT 1", connection);
        command.Parameters.AddText("channel", channelId);
        return (await command.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TeamsConversationReference>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM teams_conversation ORDER BY updated_at DESC LIMIT @limit", connection);
        command.Parameters.AddInt("limit", limit);
        return await command.ListAsync(Read, cancellationToken);
    }

    private static TeamsConversationReference Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.TextOrNull(3),
        reader.TextOrNull(4),
        reader.TextOrNull(5),
        reader.GetString(6),
        reader.TextOrNull(7),
        reader.TextOrNull(8),
        reader.Time(9));
}
