using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Integration;
using Chatbot.Privacy;
using Newtonsoft.Json;
using Chatbot.Clinic.Conversations;

namespace Chatbot.Conversation;

/// <summary>Loads and saves <see cref="ConversationState"/> through the ETag-guarded store.</summary>
public sealed class ConversationStateAccessor(IConversationStateStore store, ConversationPrivacy privacy, ILogger<ConversationStateAccessor> logger)
{
    private static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None, NullValueHandling = NullValueHandling.Ignore };

    /// <summary>Key prefix of conversations of our own Direct Line server (the web chat).</summary>
    public const string DirectLineServerPrefix = "@directline";

    /// <summary>
    /// The storage key of a turn's conversation. Our own Direct Line server's conversations live under
    /// <see cref="DirectLineServerPrefix"/>, which no channel id can produce (channel ids are escaped, and '@' is), so a
    /// request to <c>/api/messages</c> that claims the web chat's channel id and a patient's conversation id reaches a
    /// different, empty state — never the patient's.
    /// </summary>
    public static string KeyFor(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var conversation = turn.Activity.Conversation?.Id ?? "unknown";
        return IsDirectLineServerTurn(turn)
            ? $"{DirectLineServerPrefix}/conversations/{conversation}"
            : $"{Uri.EscapeDataString(turn.Activity.ChannelId ?? "unknown")}/conversations/{conversation}";
    }

    /// <summary>True when the turn came from our own Direct Line server (in process), not from <c>/api/messages</c>.</summary>
    public static bool IsDirectLineServerTurn(ITurnContext turn) =>
        string.Equals(turn.Identity?.AuthenticationType, CloudAdapter.InProcessChannelAuthenticationType, StringComparison.Ordinal);

    /// <summary>Loads the state (a fresh one when there is none or it cannot be read).</summary>
    public async Task<(ConversationState State, string? ETag)> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(key, cancellationToken);
        if (document is null)
        {
            return (new ConversationState(), null);
        }

        try
        {
            return (JsonConvert.DeserializeObject<ConversationState>(document.Json, Settings) ?? new ConversationState(), document.ETag);
        }
        catch (JsonException ex)
        {
            // A state we can't read must not lock the patient out: start over, keep the ETag so the write wins.
            logger.LogWarning(ex, "Conversation state under {Key} could not be read; starting fresh", key);
            return (new ConversationState(), document.ETag);
        }
    }

    /// <summary>
    /// Saves the state. If another turn of the same conversation saved in between, this turn's state wins after
    /// one re-read: turns of one conversation are sequential in practice, and the later turn has the newer view.
    /// </summary>
    public async Task SaveAsync(string key, ConversationState state, string? etag, CancellationToken cancellationToken)
    {
        // Whatever the turn did, nothing is written with a name the conversation already knows.
        privacy.Scrub(state);
        var json = JsonConvert.SerializeObject(state, Settings);
        try
        {
            await store.WriteAsync(key, json, etag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogInformation("Conversation state under {Key} changed during the turn; saving this turn's state", key);
            var current = await store.ReadAsync(key, cancellationToken);
            await store.WriteAsync(key, json, current?.ETag, cancellationToken);
        }
    }

    /// <summary>
    /// The JSON of a state whose booking draft was abandoned (the patient left mid-booking), without the draft; null
    /// when there is none. Used by the hourly retention run on states idle for <c>BookingDraftLifetime</c>.
    /// </summary>
    public static string? WithoutBookingDraft(string json)
    {
        ConversationState? state;
        try
        {
            state = JsonConvert.DeserializeObject<ConversationState>(json, Settings);
        }
        catch (JsonException)
        {
            return null;
        }

        if (state?.Booking is null)
        {
            return null;
        }

        state.Booking = null;
        if (state.ActiveDialog == Booking.BookingDialog.DialogId)
        {
            state.ActiveDialog = null;
        }

        return JsonConvert.SerializeObject(state, Settings);
    }

    /// <summary>The text a state's JSON contains when it holds a booking draft (see <see cref="WithoutBookingDraft"/>).</summary>
    public const string BookingDraftMarker = "\"Booking\":";

    /// <summary>Forgets a conversation.</summary>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) => store.DeleteAsync(key, cancellationToken);
}
