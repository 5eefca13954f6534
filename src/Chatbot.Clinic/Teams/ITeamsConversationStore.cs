namespace Chatbot.Clinic.Teams;

/// <summary>The Teams conversations the bot has seen, for proactive posts (staff notifications).</summary>
public interface ITeamsConversationStore
{
    /// <summary>
    /// Adds or updates the reference with the same <see cref="TeamsConversationReference.Key"/>; a field the new one
    /// lacks (an install event without the team, say) keeps its known value.
    /// </summary>
    Task SaveAsync(TeamsConversationReference reference, CancellationToken cancellationToken);

    /// <summary>Forgets a conversation (the app was removed from it).</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>The reference of a team channel, by channel id, or null.</summary>
    Task<TeamsConversationReference?> FindChannelAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>The most recently seen references, newest first.</summary>
    Task<IReadOnlyList<TeamsConversationReference>> ListAsync(int limit, CancellationToken cancellationToken);
}
