using System.Collections.Concurrent;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Teams;

namespace Chatbot.Teams;

/// <summary>
/// Keeps <see cref="ITeamsConversationStore"/> up to date from the Teams activities of allowed tenants (install
/// events and staff messages), so staff notifications know the service URL, tenant and bot id to post with. A
/// reference is written when it is new or changed, not on every message. Failures are logged, never thrown: a
/// staff member's answer must not depend on it.
/// </summary>
public sealed partial class TeamsConversationRecorder(ITeamsConversationStore store, TimeProvider timeProvider, ILogger<TeamsConversationRecorder> logger)
{
    private readonly ConcurrentDictionary<string, TeamsConversationReference> _seen = new(StringComparer.Ordinal);

    /// <summary>The reference an activity describes, or null when it lacks a service URL or conversation id.</summary>
    public static TeamsConversationReference? ReferenceOf(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return null;
        }

        var channel = TeamsActivity.ChannelOf(activity);
        return new TeamsConversationReference(
            channel ?? activity.Conversation.Id,
            activity.Conversation.Id,
            activity.ServiceUrl,
            TeamsActivity.TenantOf(activity),
            TeamsActivity.TeamOf(activity),
            channel,
            TeamsActivity.ConversationTypeOf(activity),
            activity.Recipient?.Id,
            activity.Recipient?.Name,
            now);
    }

    /// <summary>Records where this activity came from (call only for authenticated activities of allowed tenants).</summary>
    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ReferenceOf(activity, timeProvider.GetUtcNow()) is not { } reference)
        {
            return;
        }

        if (_seen.TryGetValue(reference.Key, out var known) && known == reference with { UpdatedAt = known.UpdatedAt })
        {
            return;
        }

        try
        {
            await store.SaveAsync(reference, cancellationToken);
            _seen[reference.Key] = reference;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NotSaved(logger, ex, reference.ConversationType);
        }
    }

    /// <summary>Forgets the conversation of an activity (the app was removed there).</summary>
    public async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ReferenceOf(activity, timeProvider.GetUtcNow()) is not { } reference)
        {
            return;
        }

        _seen.TryRemove(reference.Key, out _);
        try
        {
            await store.RemoveAsync(reference.Key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NotSaved(logger, ex, reference.ConversationType);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the Teams conversation reference of a {ConversationType} conversation")]
        public static partial void NotSaved(ILogger logger, Exception exception, string conversationType);
    }
}
