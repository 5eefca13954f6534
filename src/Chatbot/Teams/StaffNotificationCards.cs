using Chatbot.Booking;
using Chatbot.BotFramework.Schema;
using Chatbot.Notifications;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static Chatbot.Teams.AdaptiveCards;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Teams;

/// <summary>
/// Turns an outbox notification into the Teams post: a booking request as its live card (reference, reason, name,
/// contact, preferred times, status buttons: it is the staff's own channel), a hand-off as its reason and the
/// patient's recent messages, already redacted.
/// </summary>
public sealed partial class StaffNotificationCards(IBookingStore bookings, BookingCards bookingCards, HandoffCards handoffCards, ILogger<StaffNotificationCards> logger)
{
    /// <summary>The message activity to post for <paramref name="notification"/>.</summary>
    public async Task<Activity> CreateAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var payload = Parse(notification.PayloadJson);
        var card = notification.Kind switch
        {
            StaffNotificationKind.BookingRequested => await BookingAsync(notification, payload, cancellationToken),
            StaffNotificationKind.HandoffRequested => handoffCards.Notification(notification.Subject, payload),
            _ => Card([Heading(notification.Subject)]),
        };
        var activity = Message(card, notification.Subject);
        if (notification.Kind == StaffNotificationKind.HandoffRequested && notification.Subject.StartsWith("URGENT", StringComparison.Ordinal))
        {
            activity.Importance = "high";
        }

        return activity;
    }

    private async Task<JObject> BookingAsync(StaffNotification notification, JObject payload, CancellationToken cancellationToken)
    {
        var reference = (string?)payload["reference"];
        BookingRequest? request = null;
        if (reference is not null)
        {
            try
            {
                request = await bookings.GetAsync(reference, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The payload has everything staff need; the live status and buttons are a bonus.
                Log.BookingNotRead(logger, ex, notification.Id);
            }
        }

        if (request is not null)
        {
            return bookingCards.Single(request, notification.Subject);
        }

        var contact = string.Join(" / ", new[] { (string?)payload["phone"], (string?)payload["email"] }.Where(v => !string.IsNullOrWhiteSpace(v)));
        return Card(
        [
            Heading(notification.Subject),
            Facts(
                ("Reference", reference),
                ("Reason", (string?)payload["reason"]),
                ("Name", (string?)payload["name"]),
                ("Contact", contact),
                ("Preferred", (string?)payload["preferredTimes"]),
                ("Channel", (string?)payload["channel"])),
        ]);
    }

    private static JObject Parse(string json)
    {
        try
        {
            return JObject.Parse(json);
        }
        catch (JsonException)
        {
            return new JObject();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the booking request of notification {NotificationId}; posting it from the notification itself")]
        public static partial void BookingNotRead(ILogger logger, Exception exception, string notificationId);
    }
}
