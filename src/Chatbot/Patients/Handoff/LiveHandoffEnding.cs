using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Handoffs;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients.Handoff;

/// <summary>
/// How a live chat ends: by either side, or by the sweeper when nobody took it within
/// <see cref="HandoffOptions.TakeTimeout"/>. Each ending is a compare-and-set in <see cref="ILiveHandoffStore"/>, so
/// exactly one instance tells the patient, whichever instance noticed.
/// </summary>
public sealed partial class LiveHandoffEnding(
    ILiveHandoffStore store,
    IHandoffIndex index,
    ConversationStateAccessor stateAccessor,
    LiveHandoffDelivery delivery,
    IOptions<HandoffOptions> options,
    IOptions<ClinicOptions> clinicOptions,
    TimeProvider timeProvider,
    ILogger<LiveHandoffEnding> logger)
{
    /// <summary>Who <see cref="LiveHandoff.EndedBy"/> names when the patient ended the chat.</summary>
    public const string PatientEnder = "patient";

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>
    /// Ends an open live chat: the conversation goes back to the bot. Ended by staff, the patient is told (if their
    /// conversation still waits on this hand-off); ended in the patient's own turn (they pressed End chat, or a hub
    /// reported the hand-off over), the staff member is told and the turn answers the patient and saves their state.
    /// </summary>
    /// <param name="reference">The hand-off.</param>
    /// <param name="endedBy">Who, for the record: <see cref="PatientEnder"/> or a staff name.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="inPatientTurn">True when called from the patient's turn.</param>
    /// <returns>The ended hand-off, or null when it was not open.</returns>
    public async Task<LiveHandoff?> EndAsync(string reference, string endedBy, CancellationToken cancellationToken, bool inPatientTurn = false)
    {
        var ended = await store.TryEndAsync(reference, endedBy, timeProvider.GetUtcNow(), cancellationToken);
        if (ended is null)
        {
            return null;
        }

        Log.Ended(logger, ended.Reference, inPatientTurn ? PatientEnder : "staff");
        var patientWaits = await GiveBackToBotAsync(ended, cancellationToken, patientTurn: inPatientTurn);
        if (inPatientTurn)
        {
            if (ended.Seat?.Channel == Channels.Msteams)
            {
                await delivery.ToStaffAsync(ended, endedBy == PatientEnder
                    ? $"The patient ended the chat **{ended.Reference}**. The bot answers them again."
                    : $"The chat **{ended.Reference}** ended ({endedBy}). The bot answers the patient again.", cancellationToken);
            }
        }
        else if (patientWaits)
        {
            await delivery.ToPatientAsync(ended, LiveHandoffMessages.PatientMessage(
                "Our team member has ended the chat. You're back with the virtual assistant: ask me anything about ketamine infusion therapy, or book a consultation.",
                [CardAction.ImBack(BotReplies.BookTitle)]), cancellationToken);
        }

        return ended;
    }

    /// <summary>
    /// Times out the live hand-offs nobody took in time (each is claimed by exactly one instance) and tells those
    /// patients honestly, with the phone number and booking.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="turn">A patient's turn that noticed its own hand-off is due: that patient is told in the turn.</param>
    /// <returns>How many were timed out by this call.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken, ITurnContext? turn = null)
    {
        var claimed = await store.ClaimTimedOutAsync(timeProvider.GetUtcNow(), 50, cancellationToken);
        foreach (var handoff in claimed)
        {
            Log.TimedOut(logger, handoff.Reference);
            // In the patient's own turn the turn saves their state; writing it here too would make that save conflict.
            var patientTurn = turn is not null && string.Equals(ConversationStateAccessor.KeyFor(turn), handoff.StateKey, StringComparison.Ordinal);
            if (!await GiveBackToBotAsync(handoff, cancellationToken, patientTurn))
            {
                // The conversation moved on (a hub ended the hand-off, a newer one replaced it): nothing to tell.
                continue;
            }

            var crisis = handoff.Reason == HandoffReason.Crisis ? " If you are in danger, call **911**; you can call or text **988** any time." : string.Empty;
            await delivery.ToPatientAsync(handoff, LiveHandoffMessages.PatientMessage(
                $"I'm sorry: nobody from our team was free to join this chat in the last {LiveHandoffMessages.Minutes(options.Value.TakeTimeout)}. " +
                $"Please call us at {_clinic.Phone} ({_clinic.Hours}), or book a consultation and we'll call you back.{crisis} " +
                "Until then I'm answering your questions again.",
                [CardAction.ImBack(BotReplies.BookTitle)]), cancellationToken, turn);
        }

        return claimed.Count;
    }

    /// <summary>Deletes the records of live hand-offs that ended longer than <see cref="HandoffOptions.EndedRetention"/> ago.</summary>
    public Task<int> PurgeAsync(CancellationToken cancellationToken) =>
        store.DeleteEndedBeforeAsync(timeProvider.GetUtcNow() - options.Value.EndedRetention, cancellationToken);

    // The patient's state and the open hand-off list no longer hold it (in the patient's own turn, the turn saves its
    // state). Returns true when the patient's conversation was still waiting on this hand-off, so they should be told.
    private async Task<bool> GiveBackToBotAsync(LiveHandoff handoff, CancellationToken cancellationToken, bool patientTurn)
    {
        var waits = true;
        try
        {
            if (!patientTurn)
            {
                await stateAccessor.UpdateAsync(handoff.StateKey, state =>
                {
                    waits = state.Handoff is not null && string.Equals(state.Handoff.Reference, handoff.Reference, StringComparison.OrdinalIgnoreCase);
                    if (waits)
                    {
                        state.Handoff = null;
                    }

                    return waits;
                }, cancellationToken);
            }

            await index.CloseAsync(handoff.StateKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store says it is over; a patient turn also checks the store, so the bot still answers them.
            Log.StoreFailed(logger, ex, handoff.Reference);
        }

        return waits;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Live hand-off {Reference} ended by {Side}")]
        public static partial void Ended(ILogger logger, string reference, string side);

        [LoggerMessage(Level = LogLevel.Information, Message = "Live hand-off {Reference} timed out: nobody took it")]
        public static partial void TimedOut(ILogger logger, string reference);

        [LoggerMessage(Level = LogLevel.Error, Message = "Live hand-off {Reference}: the store could not be updated")]
        public static partial void StoreFailed(ILogger logger, Exception exception, string reference);
    }
}
