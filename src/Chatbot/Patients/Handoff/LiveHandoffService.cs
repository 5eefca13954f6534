using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Integration;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Handoffs;
using Chatbot.Patients;
using Chatbot.Faq.Dataset;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients.Handoff;

/// <summary>
/// The live chat between a patient and a staff member after a hand-off during opening hours: the hand-off waits for a
/// staff member (Teams or the staff page) to take it, then the bot relays messages both ways until either side ends
/// it (ending and time-outs: <see cref="LiveHandoffEnding"/>). All of it lives
/// in <see cref="ILiveHandoffStore"/> (status changes are compare-and-set), so any instance can serve any side.
/// </summary>
/// <remarks>
/// The safety gate is not here: it runs on every patient message before the bot gets this far (decisions.md, Live
/// hand-off). Staff see the patient's messages as written; they are kept in the store only while the chat is open.
/// </remarks>
public sealed partial class LiveHandoffService(
    ILiveHandoffStore store,
    LiveHandoffEnding ending,
    LiveHandoffDelivery delivery,
    IOptions<HandoffOptions> options,
    IOptions<ClinicOptions> clinicOptions,
    TimeProvider timeProvider,
    ILogger<LiveHandoffService> logger)
{
    /// <summary>The patient's button (and words) that end the live chat.</summary>
    public const string EndChatTitle = "End chat";

    private static readonly HashSet<string> EndWords = new(StringComparer.Ordinal)
    {
        "end chat", "end the chat", "end live chat", "stop chat", "leave chat", "close chat", "end conversation",
    };

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>True for what a patient types or presses to end the live chat.</summary>
    public static bool IsEndRequest(string text) => EndWords.Contains(ExampleText.Normalize(text));

    /// <summary>
    /// Opens the live side of a hand-off that <see cref="HandoffService"/> just started during opening hours. Teams
    /// conversations are staff ones and get none. Failures are logged: the patient's hand-off message still goes.
    /// </summary>
    public async Task OpenAsync(ITurnContext turn, HandoffState handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(handoff);
        var activity = turn.Activity;
        if (handoff.Reference is null || string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var inProcess = ConversationStateAccessor.IsDirectLineServerTurn(turn);
        var live = new LiveHandoff(
            handoff.Reference,
            ConversationStateAccessor.KeyFor(turn),
            activity.ChannelId ?? "unknown",
            activity.Conversation?.Id ?? "unknown",
            inProcess ? string.Empty : activity.ServiceUrl ?? string.Empty,
            activity.From?.Id ?? string.Empty,
            handoff.Reason,
            handoff.StartedAt,
            handoff.StartedAt + options.Value.TakeTimeout);
        try
        {
            await store.CreateAsync(live, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StoreFailed(logger, ex, handoff.Reference);
        }
    }

    /// <summary>
    /// A patient's message while their conversation is handed off (the safety gate has already run on it). While the
    /// live chat is open the message goes to the staff member (or waits for one) and the bot stays quiet; "end chat"
    /// ends it. Returns false when there is no open live chat any more (ended elsewhere, timed out): the hand-off is
    /// then cleared from <paramref name="state"/> and the bot answers the message itself.
    /// </summary>
    /// <param name="turn">The patient's turn.</param>
    /// <param name="state">The patient's conversation state, saved by the caller.</param>
    /// <param name="text">What the patient typed.</param>
    /// <param name="safetyAlert">True when the safety gate fired on this message (the crisis reply already went to the patient).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<bool> OnPatientMessageAsync(ITurnContext turn, ConversationState state, string text, bool safetyAlert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Handoff?.Reference is not { } reference || await store.GetAsync(reference, cancellationToken) is not { } live)
        {
            // A hand-off without a live side (Teams, or opened before this feature): the old quiet-until-timeout rules apply.
            return false;
        }

        var now = timeProvider.GetUtcNow();
        if (live.Status == LiveHandoffStatus.Waiting && live.TakeBy <= now)
        {
            await ending.SweepAsync(cancellationToken, turn);
            live = await store.GetAsync(reference, cancellationToken) ?? live;
        }

        if (!live.IsOpen)
        {
            state.Handoff = null;
            return false;
        }

        if (!safetyAlert && IsEndRequest(text))
        {
            if (await ending.EndAsync(live.Reference, LiveHandoffEnding.PatientEnder, cancellationToken, inPatientTurn: true) is not null)
            {
                state.Handoff = null;
                await turn.SendActivityAsync(LiveHandoffMessages.PatientMessage(
                    "You've ended the chat with our team. You're back with the virtual assistant: ask me anything about ketamine infusion therapy, or book a consultation.",
                    [CardAction.ImBack(BotReplies.BookTitle)]), cancellationToken);
                return true;
            }

            state.Handoff = null;
            return false;
        }

        // The bot stays quiet for as long as the live chat is open, however long the conversation takes.
        var quietUntil = now + options.Value.Timeout;
        state.Handoff.ExpiresAt = state.Handoff.ExpiresAt > quietUntil ? state.Handoff.ExpiresAt : quietUntil;
        if (text.Length == 0)
        {
            return true;
        }

        var stored = LiveHandoffMessages.StoredTextOf(text);
        await store.AddMessageAsync(live.Reference, safetyAlert ? LiveHandoffSender.System : LiveHandoffSender.Patient, string.Empty,
            safetyAlert ? LiveHandoffMessages.SafetyAlert(stored) : stored, now, cancellationToken);
        if (live.Status == LiveHandoffStatus.Taken && live.Seat is { } seat && seat.Channel == Channels.Msteams)
        {
            var relayed = safetyAlert
                ? LiveHandoffMessages.SafetyAlert(stored)
                : $"**Patient ({live.Reference}):** {stored}";
            if (!await delivery.ToStaffAsync(live, relayed, cancellationToken) && !safetyAlert)
            {
                await turn.SendActivityAsync(LiveHandoffMessages.PatientMessage(
                    $"I couldn't pass that message to our team just now. Please try again in a moment, or call us at {_clinic.Phone}.", [CardAction.ImBack(EndChatTitle)]), cancellationToken);
            }
        }

        return true;
    }

    /// <summary>
    /// The safety gate fired on a patient's message: a staff member who holds their live chat sees the message and an
    /// alert (the crisis reply already went to the patient). Returns true when a staff member holds it, so no second
    /// hand-off is started; false when nobody does (a confident crisis then starts an urgent hand-off as usual).
    /// </summary>
    public async Task<bool> AlertStaffAsync(ITurnContext turn, ConversationState state, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Handoff?.Reference is not { } reference || await store.GetAsync(reference, cancellationToken) is not { Status: LiveHandoffStatus.Taken })
        {
            return false;
        }

        return await OnPatientMessageAsync(turn, state, text, safetyAlert: true, cancellationToken);
    }

    /// <summary>A staff member takes a waiting hand-off; the patient is told who joined.</summary>
    /// <param name="reference">The hand-off's reference.</param>
    /// <param name="takenBy">Who, for the record (display name and id).</param>
    /// <param name="displayName">The name the patient sees (a first name).</param>
    /// <param name="seat">Where the staff member talks.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<(TakeOutcome Outcome, LiveHandoff? Handoff)> TakeAsync(
        string reference, string takenBy, string displayName, LiveHandoffSeat seat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        if (seat.ConversationId.Length > 0 && await store.FindTakenInAsync(seat.ConversationId, cancellationToken) is { } busy
            && !string.Equals(busy.Reference, reference.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return (TakeOutcome.SeatBusy, busy);
        }

        var now = timeProvider.GetUtcNow();
        var taken = await store.TryTakeAsync(reference, takenBy, seat, now, cancellationToken);
        if (taken is null)
        {
            var known = await store.GetAsync(reference, cancellationToken);
            var outcome = known switch
            {
                null => TakeOutcome.Unknown,
                { Status: LiveHandoffStatus.Taken } => TakeOutcome.AlreadyTaken,
                _ => TakeOutcome.Over,
            };
            return (outcome, known);
        }

        Log.Taken(logger, taken.Reference, takenBy, seat.Channel);
        if (seat.Channel == Channels.Msteams)
        {
            // What the patient wrote while waiting, so the staff member in Teams starts where the patient is.
            var waiting = (await store.ReadMessagesAsync(taken.Reference, 0, 50, cancellationToken)).Where(m => m.Sender == LiveHandoffSender.Patient).ToList();
            if (waiting.Count > 0)
            {
                await delivery.ToStaffAsync(taken, "While waiting, the patient wrote:\n\n" + string.Join("\n", waiting.Select(m => "- " + m.Text)), cancellationToken);
            }
        }

        await store.AddMessageAsync(taken.Reference, LiveHandoffSender.System, displayName, $"{displayName} joined the chat.", now, cancellationToken);
        await delivery.ToPatientAsync(taken, LiveHandoffMessages.PatientMessage(
            $"**{displayName}** from our team has joined the chat. You can write to them here; press **{EndChatTitle}** when you're done.",
            [CardAction.ImBack(EndChatTitle)]), cancellationToken);
        return (TakeOutcome.Taken, taken);
    }

    /// <summary>A staff member's reply: stored for the staff page and shown to the patient as from that person.</summary>
    /// <returns>False when the patient's chat is gone (the live chat is then ended).</returns>
    public async Task<bool> StaffReplyAsync(LiveHandoff handoff, string displayName, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var stored = LiveHandoffMessages.StoredTextOf(text);
        if (await store.AddMessageAsync(handoff.Reference, LiveHandoffSender.Staff, displayName, stored, timeProvider.GetUtcNow(), cancellationToken) is null)
        {
            return false;
        }

        var message = LiveHandoffMessages.PatientMessage($"**{displayName} (clinic staff):** {stored}", [CardAction.ImBack(EndChatTitle)]);
        message.From = new ChannelAccount { Id = "staff", Name = displayName + " (clinic staff)" };
        if (await delivery.ToPatientAsync(handoff, message, cancellationToken))
        {
            return true;
        }

        await ending.EndAsync(handoff.Reference, "patient chat closed", cancellationToken);
        return false;
    }

    /// <summary>Open live hand-offs, the longest waiting first.</summary>
    public Task<IReadOnlyList<LiveHandoff>> ListOpenAsync(CancellationToken cancellationToken) => store.ListOpenAsync(100, cancellationToken);

    /// <summary>A live hand-off by reference (any status).</summary>
    public Task<LiveHandoff?> GetAsync(string reference, CancellationToken cancellationToken) => store.GetAsync(reference, cancellationToken);

    /// <summary>The taken live hand-off whose staff member talks in this Teams conversation.</summary>
    public Task<LiveHandoff?> FindTakenInAsync(string staffConversationId, CancellationToken cancellationToken) =>
        store.FindTakenInAsync(staffConversationId, cancellationToken);

    /// <summary>The messages of an open hand-off after <paramref name="afterSequence"/> (the staff page polls them).</summary>
    public Task<IReadOnlyList<LiveHandoffMessage>> ReadMessagesAsync(string reference, long afterSequence, CancellationToken cancellationToken) =>
        store.ReadMessagesAsync(reference, afterSequence, 200, cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Live hand-off {Reference} taken by {TakenBy} ({Channel})")]
        public static partial void Taken(ILogger logger, string reference, string takenBy, string channel);

        [LoggerMessage(Level = LogLevel.Error, Message = "Live hand-off {Reference}: the store could not be updated")]
        public static partial void StoreFailed(ILogger logger, Exception exception, string reference);
    }
}
