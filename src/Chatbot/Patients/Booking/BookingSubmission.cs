using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;
using Chatbot.Patients;
using Chatbot.Telemetry;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Chatbot.Patients.Booking;

/// <summary>
/// Sending a finished booking request: the request and its staff notification are written in one transaction before
/// the patient is told the reference; a store that fails keeps the request in memory for retry and the patient is
/// asked to call. The reference comes from the draft, so a turn that runs twice saves one request, not two.
/// </summary>
public sealed partial class BookingSubmission(
    IBookingStore bookings,
    PendingBookingQueue pending,
    IOptions<BookingOptions> bookingOptions,
    IOptions<ClinicOptions> clinicOptions,
    TimeProvider timeProvider,
    ChatbotMetrics metrics,
    ILogger<BookingSubmission> logger)
{
    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>A new draft's reference (see <see cref="BookingDraft.Reference"/>).</summary>
    public string NewReference() => ReferenceCodes.New(bookingOptions.Value.ReferencePrefix);

    /// <summary>Saves the request <paramref name="draft"/> describes and tells the patient its reference.</summary>
    public async Task SubmitAsync(ITurnContext turn, BookingDraft draft, CancellationToken cancellationToken)
    {
        var request = CreateRequest(turn.Activity, draft);
        var notification = Notify(request);
        try
        {
            await bookings.AddAsync(request, notification, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never drop a request: keep it in memory and keep retrying; tell the patient to call so nothing is missed.
            // A turn that ran twice (the same message twice at once) finds its request saved by the first run.
            if (await AlreadySavedAsync(request, cancellationToken))
            {
                await ConfirmAsync(turn, request, cancellationToken);
                return;
            }

            pending.Enqueue(request, notification);
            Log.BookingNotSaved(logger, ex, request.Reference);
            metrics.BookingRequested(saved: false, viaLink: false);
            await turn.SendActivityAsync(
                $"I'm sorry — our booking system couldn't save your request just now. Please call us at {_clinic.Phone} ({_clinic.Hours}) so nothing is missed. " +
                $"I've kept your request (reference **{request.Reference}**) and will keep trying to send it to our team.",
                cancellationToken);
            return;
        }

        Log.BookingSaved(logger, request.Reference, request.Reason);
        metrics.BookingRequested(saved: true, viaLink: false);
        await ConfirmAsync(turn, request, cancellationToken);
    }

    private async Task ConfirmAsync(ITurnContext turn, BookingRequest request, CancellationToken cancellationToken)
    {
        var firstName = request.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? request.Name;
        await turn.SendActivityAsync(
            $"Thank you, {firstName}. Your request has been received. Your reference number is **{request.Reference}**.\n\n" +
            $"Our team will contact you {_clinic.CallbackTime} to confirm a time — nothing is booked until they do. " +
            $"If you need to change anything, call us at {_clinic.Phone}.",
            cancellationToken);
    }

    private async Task<bool> AlreadySavedAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await bookings.GetAsync(request.Reference, cancellationToken) is { } saved && saved.ConversationId == request.ConversationId;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Link mode: the online scheduler instead of the dialog; staff still hear that the link was given.</summary>
    public async Task SendLinkAsync(ITurnContext turn, BookingReason? reason, CancellationToken cancellationToken)
    {
        var options = bookingOptions.Value;
        var now = timeProvider.GetUtcNow();
        var request = new BookingRequest(ReferenceCodes.New(bookingOptions.Value.ReferencePrefix), now, reason ?? BookingReason.NewPatientConsultation, string.Empty, null, null,
            "Sent to the online scheduler", turn.Activity.ChannelId ?? "unknown", turn.Activity.Conversation?.Id ?? "unknown",
            BookingStatus.New, now, "bot", ViaLink: true);
        var saved = true;
        try
        {
            await bookings.AddAsync(request, Notify(request), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            saved = false;
            pending.Enqueue(request, Notify(request));
            Log.BookingNotSaved(logger, ex, request.Reference);
        }

        metrics.BookingRequested(saved, viaLink: true);

        var activity = BookingPrompts.Message($"You can choose a time in our online scheduler. If you'd rather talk to someone, call us at {_clinic.Phone} ({_clinic.Hours}).", []);
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = [new CardAction { Type = ActionTypes.OpenUrl, Title = "Open online booking", Value = options.LinkUrl!.AbsoluteUri }, CardAction.ImBack(BotReplies.TalkToPersonTitle)],
        };
        await turn.SendActivityAsync(activity, cancellationToken);
    }

    private BookingRequest CreateRequest(Activity activity, BookingDraft draft)
    {
        var now = timeProvider.GetUtcNow();
        return new BookingRequest(draft.Reference ?? ReferenceCodes.New(bookingOptions.Value.ReferencePrefix), now, draft.Reason!.Value, draft.Name!, draft.Phone, draft.Email, draft.PreferredTimes!,
            activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown", BookingStatus.New, now, "bot");
    }

    private StaffNotification Notify(BookingRequest request)
    {
        var payload = JsonConvert.SerializeObject(new
        {
            reference = request.Reference,
            reason = BookingText.ReasonTitle(request.Reason),
            name = request.Name,
            phone = request.Phone is null ? null : ContactDetails.FormatPhone(request.Phone),
            email = request.Email,
            preferredTimes = request.PreferredTimes,
            channel = request.Channel,
            viaLink = request.ViaLink,
            receivedAt = request.CreatedAt,
        });
        return new StaffNotification(Guid.NewGuid().ToString("N"), StaffNotificationKind.BookingRequested, request.CreatedAt,
            $"New booking request {request.Reference}: {BookingText.ReasonTitle(request.Reason)}", payload);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Booking request {Reference} saved ({Reason})")]
        public static partial void BookingSaved(ILogger logger, string reference, BookingReason reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Booking request {Reference} could not be saved; kept in memory for retry")]
        public static partial void BookingNotSaved(ILogger logger, Exception exception, string reference);
    }
}
