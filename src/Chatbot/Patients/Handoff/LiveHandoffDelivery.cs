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
/// Delivery of live hand-off messages outside the sender's own turn: to the patient's web chat (appended to their
/// Direct Line conversation) or other channel (proactive), and to the staff member's Teams conversation. A failed
/// delivery is logged and reported, never thrown.
/// </summary>
public sealed partial class LiveHandoffDelivery(
    DirectLineProactiveSender directLine,
    CloudAdapter adapter,
    ILogger<LiveHandoffDelivery> logger)
{
    /// <summary>Sends to the patient: in their own turn when that is the turn running, else through their channel.</summary>
    public async Task<bool> ToPatientAsync(LiveHandoff handoff, Activity activity, CancellationToken cancellationToken, ITurnContext? turn = null)
    {
        try
        {
            if (turn is not null && string.Equals(ConversationStateAccessor.KeyFor(turn), handoff.StateKey, StringComparison.Ordinal))
            {
                await turn.SendActivityAsync(activity, cancellationToken);
                return true;
            }

            if (handoff.StateKey.StartsWith(ConversationStateAccessor.DirectLineServerPrefix + "/", StringComparison.Ordinal))
            {
                return await directLine.SendAsync(handoff.PatientConversationId, [activity], cancellationToken);
            }

            if (handoff.PatientServiceUrl.Length == 0)
            {
                return false;
            }

            var reference = new ConversationReference
            {
                ChannelId = handoff.PatientChannel,
                ServiceUrl = handoff.PatientServiceUrl,
                Conversation = new ConversationAccount { Id = handoff.PatientConversationId },
                User = new ChannelAccount { Id = handoff.PatientUserId },
            };
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(activity, ct), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryFailed(logger, ex, handoff.Reference, "patient");
            return false;
        }
    }

    /// <summary>Sends to the Teams conversation where the staff member took the chat; false when there is none or it failed.</summary>
    public async Task<bool> ToStaffAsync(LiveHandoff handoff, string text, CancellationToken cancellationToken)
    {
        if (handoff.Seat is not { Channel: Channels.Msteams } seat || seat.ServiceUrl.Length == 0)
        {
            return false;
        }

        var reference = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = seat.ServiceUrl,
            Conversation = new ConversationAccount { Id = seat.ConversationId, TenantId = seat.TenantId },
            Bot = new ChannelAccount { Id = seat.BotId },
        };
        try
        {
            await adapter.ContinueConversationAsync(
                reference,
                (turn, ct) => turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown }, ct),
                cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryFailed(logger, ex, handoff.Reference, "staff");
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Live hand-off {Reference}: a message to the {Side} could not be delivered")]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string reference, string side);
    }
}
