using Chatbot.Clinic.Teams;
namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Teams conversation references in process memory: tests and throwaway demos.</summary>
public sealed class InMemoryTeamsConversationStore : ITeamsConversationStore
{
    private readonly Dictionary<string, TeamsConversationReference> _references = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (_gate)
        {
            _references[reference.Key] = _references.TryGetValue(reference.Key, out var known)
                ? reference with
                {
                    TenantId = reference.TenantId ?? known.TenantId,
                    TeamId = reference.TeamId ?? known.TeamId,
                    ChannelId = reference.ChannelId ?? known.ChannelId,
                    BotId = reference.BotId ?? known.BotId,
                    BotName = reference.BotName ?? known.BotName,
                }
                : reference;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _references.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TeamsConversationReference?> FindChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_references.Values
                .Where(r => string.Equals(r.ChannelId, channelId, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.UpdatedAt)
                .FirstOrDefault());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TeamsConversationReference>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TeamsConversationReference> list = [.. _references.Values.OrderByDescending(r => r.UpdatedAt).Take(limit)];
            return Task.FromResult(list);
        }
    }
}
