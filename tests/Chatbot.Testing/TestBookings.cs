using Newtonsoft.Json;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Testing;

/// <summary>Booking requests and notifications with recognisable personal data, for storage and privacy assertions.</summary>
public static class TestBookings
{
    public const string Name = "Jordan Lee";
    public const string Phone = "+13125550123";
    public const string Email = "jordan.lee@example.com";

    public static BookingRequest Request(string reference, DateTimeOffset createdAt, BookingStatus status = BookingStatus.New) =>
        new(reference, createdAt, BookingReason.NewPatientConsultation, Name, Phone, Email, "Tuesday, December 1 (afternoon)",
            "webchat", "conv-" + reference, status, createdAt, "bot");

    public static StaffNotification Notification(BookingRequest request, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), StaffNotificationKind.BookingRequested, request.CreatedAt,
            $"New booking request {request.Reference}",
            JsonConvert.SerializeObject(new { reference = request.Reference, name = request.Name, phone = request.Phone, email = request.Email }));

    /// <summary>True when <paramref name="text"/> contains any of the test patient's personal data.</summary>
    public static bool ContainsPersonalData(string text) =>
        text.Contains(Name, StringComparison.OrdinalIgnoreCase)
        || text.Contains("5550123", StringComparison.Ordinal)
        || text.Contains(Email, StringComparison.OrdinalIgnoreCase);
}
