using Chatbot.Clinic;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Patients;
using Chatbot.Patients.Privacy;
using Chatbot.Staff.Notifications;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Patients.Handoff;

/// <summary>
/// Hands a conversation to a person. During clinic hours the conversation is marked as handed off (the bot stops
/// answering automatically until staff release it, a hub reports <c>handoff.status</c> completed, or the timeout
/// passes); outside hours the patient gets the clinic's phone and hours. Either way staff are notified, and the
/// channel gets the Bot Framework <c>handoff.initiate</c> event with a redacted summary.
/// </summary>
public sealed partial class HandoffService(
    ClinicClock clock,
    IOptions<ClinicOptions> clinicOptions,
    IOptions<HandoffOptions> handoffOptions,
    INotificationOutbox outbox,
    IHandoffIndex index,
    ConversationStateAccessor stateAccessor,
    ConversationPrivacy privacy,
    LiveHandoffService liveHandoffs,
    LiveHandoffEnding endings,
    TimeProvider timeProvider,
    ILogger<HandoffService> logger)
{

    /// <summary>The Bot Framework hand-off initiation event.</summary>
    public const string InitiateEventName = "handoff.initiate";

    /// <summary>The Bot Framework hand-off status event.</summary>
    public const string StatusEventName = "handoff.status";

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>True while a hand-off is open; an expired one is closed here.</summary>
    public bool IsActive(ConversationState state)
    {
        if (state.Handoff is null)
        {
            return false;
        }

        if (state.Handoff.ExpiresAt > timeProvider.GetUtcNow())
        {
            return true;
        }

        state.Handoff = null;
        return false;
    }

    /// <summary>Starts a hand-off and tells the patient what happens next.</summary>
    public async Task StartAsync(ITurnContext turn, ConversationState state, HandoffReason reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var open = clock.IsOpenNow();

        // Before the draft goes: what staff receive (outbox, index, hub transcript) is redacted with its name and contact.
        privacy.Scrub(state);
        state.ActiveDialog = null;
        state.Booking = null;
        state.ConsecutiveFallbacks = 0;
        if (open)
        {
            state.Handoff = new HandoffState
            {
                Reference = ReferenceCodes.New("H"),
                Reason = reason,
                StartedAt = now,
                ExpiresAt = now + handoffOptions.Value.Timeout,
            };
            await IndexAsync(turn, state, cancellationToken);
            await liveHandoffs.OpenAsync(turn, state.Handoff, cancellationToken);
        }

        await NotifyStaffAsync(turn.Activity, state, reason, open, now, cancellationToken);
        if (!string.Equals(turn.Activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
        {
            // Teams has no hand-off hub and rejects unknown event activities; every other channel may route it.
            await turn.SendActivityAsync(InitiateEvent(state, reason, open), cancellationToken);
        }

        var text = (open, reason) switch
        {
            (true, HandoffReason.Crisis) =>
                $"I've also alerted our team, and a staff member will reply here as soon as they can. If you are in danger, please call 911 now.",
            (true, _) =>
                $"I've asked our team to join this chat. A staff member will reply here shortly — until then I won't answer automatically. If it's urgent, call us at {_clinic.Phone}.",
            // No promise to follow up: the visitor is anonymous, so nobody could (decisions.md, "After-hours wording").
            (false, HandoffReason.Crisis) =>
                $"Our clinic is closed right now, so please don't wait for us: call or text **[988](tel:988)** any time, or call **[911](tel:911)** if you are in danger. {ClosedUntil()}",
            (false, _) =>
                $"Our team is away right now. {ClosedUntil()} Or request a consultation here and we'll contact you. If this is an emergency, call [911](tel:911).",
        };
        var reply = new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown };
        if (!open && reason != HandoffReason.Crisis)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(BotReplies.BookTitle)] };
        }
        else if (open && !string.Equals(turn.Activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
        {
            reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(LiveHandoffService.EndChatTitle)] };
        }

        await turn.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>"The clinic opens again Monday at 8:00 AM CT; you can call us then at (312) 555-0100."</summary>
    private string ClosedUntil() => clock.DescribeNextOpening() is { } opening
        ? $"The clinic opens again {opening}; you can call us then at {_clinic.Phone}."
        : $"Our hours are {_clinic.Hours}; you can call us then at {_clinic.Phone}.";

    /// <summary>Handles a <c>handoff.status</c> event from a hub: completed or failed gives the conversation back to the bot.</summary>
    public async Task OnStatusAsync(ITurnContext turn, ConversationState state, CancellationToken cancellationToken)
    {
        var status = (string?)turn.Activity.Value?.SelectToken("state");
        Log.StatusReceived(logger, turn.Activity.Conversation?.Id, status);
        if (state.Handoff is null)
        {
            return;
        }

        state.Handoff.HubStatus = status;
        if (status is "completed" or "failed")
        {
            await endings.EndAsync(state.Handoff.Reference ?? string.Empty, "hand-off hub: " + status, cancellationToken, inPatientTurn: true);
            state.Handoff = null;
            await UnindexAsync(ConversationStateAccessor.KeyFor(turn), cancellationToken);
            var text = status == "failed"
                ? $"I'm sorry, our team couldn't join the chat. Please call us at {_clinic.Phone} ({_clinic.Hours}). You can keep asking me questions here."
                : "You're back with the virtual assistant. Ask me anything about ketamine infusion therapy.";
            await turn.SendActivityAsync(text, cancellationToken);
        }
    }

    /// <summary>The open hand-offs, newest first (expired ones are left out).</summary>
    public Task<IReadOnlyList<OpenHandoff>> ListOpenAsync(int limit, CancellationToken cancellationToken) =>
        index.ListOpenAsync(timeProvider.GetUtcNow(), limit, cancellationToken);

    /// <summary>
    /// Gives a conversation back to the bot (staff release): clears its <see cref="HandoffState"/> and removes it from
    /// the index. <paramref name="referenceOrConversation"/> is the hand-off reference (<c>H-…</c>) or the patient's
    /// conversation id.
    /// </summary>
    /// <returns>The released hand-off, or null when no open hand-off matches.</returns>
    public async Task<OpenHandoff?> ReleaseAsync(string referenceOrConversation, string releasedBy, CancellationToken cancellationToken)
    {
        var wanted = referenceOrConversation.Trim();
        var open = await index.ListOpenAsync(timeProvider.GetUtcNow(), int.MaxValue, cancellationToken);
        var handoff = open.FirstOrDefault(h => string.Equals(h.Reference, wanted, StringComparison.OrdinalIgnoreCase))
            ?? open.FirstOrDefault(h => string.Equals(h.ConversationId, wanted, StringComparison.Ordinal));
        if (handoff is null)
        {
            return null;
        }

        // A live chat ends first, so the patient is told while their conversation still waits on it.
        await endings.EndAsync(handoff.Reference, releasedBy, cancellationToken);
        await stateAccessor.UpdateAsync(handoff.StateKey, state =>
        {
            var open = state.Handoff is not null;
            state.Handoff = null;
            return open;
        }, cancellationToken);

        await index.CloseAsync(handoff.StateKey, cancellationToken);
        Log.Released(logger, handoff.Reference, releasedBy);
        return handoff;
    }

    private async Task IndexAsync(ITurnContext turn, ConversationState state, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var handoff = state.Handoff!;
        var last = state.RecentMessages.Count == 0 ? string.Empty : state.RecentMessages[^1];
        var entry = new OpenHandoff(handoff.Reference!, ConversationStateAccessor.KeyFor(turn), activity.ChannelId ?? "unknown",
            activity.Conversation?.Id ?? "unknown", handoff.Reason, handoff.StartedAt, handoff.ExpiresAt, last.Length > 200 ? last[..200] : last);
        try
        {
            await index.OpenAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The patient's hand-off works without the index; staff just won't see it in Teams' list.
            Log.IndexFailed(logger, ex, activity.Conversation?.Id);
        }
    }

    private async Task UnindexAsync(string stateKey, CancellationToken cancellationToken)
    {
        try
        {
            await index.CloseAsync(stateKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.IndexFailed(logger, ex, stateKey);
        }
    }

    private Activity InitiateEvent(ConversationState state, HandoffReason reason, bool open) => new()
    {
        Type = ActivityTypes.Event,
        Name = InitiateEventName,
        Value = JObject.FromObject(new { skill = "clinic-staff", reason = reason.ToString(), duringClinicHours = open }),
        Attachments =
        [
            new Attachment
            {
                ContentType = "application/json",
                Name = "Transcript",
                Content = new JObject
                {
                    ["activities"] = new JArray(state.RecentMessages.Select(text => new JObject { ["type"] = "message", ["from"] = new JObject { ["role"] = "user" }, ["text"] = text })),
                },
            },
        ],
    };

    private async Task NotifyStaffAsync(Activity activity, ConversationState state, HandoffReason reason, bool open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = JsonConvert.SerializeObject(new
        {
            conversationId = activity.Conversation?.Id,
            channel = activity.ChannelId,
            reason = reason.ToString(),
            handoffReference = state.Handoff?.Reference,
            duringClinicHours = open,
            recentMessages = state.RecentMessages,
        });
        var subject = reason == HandoffReason.Crisis
            ? "URGENT: crisis language in a chat — a patient was given 988/911"
            : $"A patient asked for a person ({reason})";
        try
        {
            await outbox.EnqueueAsync(new StaffNotification(Guid.NewGuid().ToString("N"), StaffNotificationKind.HandoffRequested, now, subject, payload), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The patient's reply must not fail because the notification store is down.
            Log.NotificationFailed(logger, ex, activity.Conversation?.Id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off status for conversation {ConversationId}: {Status}")]
        public static partial void StatusReceived(ILogger logger, string? conversationId, string? status);

        [LoggerMessage(Level = LogLevel.Information, Message = "Hand-off {Reference} released by {ReleasedBy}")]
        public static partial void Released(ILogger logger, string reference, string releasedBy);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not update the open hand-off index for {ConversationId}")]
        public static partial void IndexFailed(ILogger logger, Exception exception, string? conversationId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the staff notification for the hand-off of conversation {ConversationId}")]
        public static partial void NotificationFailed(ILogger logger, Exception exception, string? conversationId);
    }
}
