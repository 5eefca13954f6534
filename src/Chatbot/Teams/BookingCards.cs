using System.Globalization;
using Chatbot.Booking;
using Chatbot.Conversation;
using Newtonsoft.Json.Linq;
using static Chatbot.Teams.AdaptiveCards;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Teams;

/// <summary>Booking requests as Adaptive Cards for staff, with buttons that move a request through the workflow.</summary>
public sealed class BookingCards(ClinicClock clock)
{
    private static readonly BookingStatus[] Targets = [BookingStatus.Contacted, BookingStatus.Booked, BookingStatus.Cancelled];

    /// <summary>The newest requests (the <c>bookings</c> command), with an optional notice on top.</summary>
    public JObject List(IReadOnlyList<BookingRequest> requests, string? notice = null)
    {
        var body = new List<JToken> { Heading(requests.Count == 0 ? "No booking requests yet" : $"Newest booking requests ({requests.Count})") };
        if (notice is not null)
        {
            body.Add(Text(notice, color: "Accent"));
        }

        body.AddRange(requests.Select(r => Container(Request(r, StaffVerbs.ListView), StyleOf(r.Status))));
        return Card(body, [Execute("Refresh", StaffVerbs.BookingsList, new JObject())]);
    }

    /// <summary>One request (a staff-channel notification), with an optional notice on top.</summary>
    public JObject Single(BookingRequest request, string heading, string? notice = null)
    {
        var body = new List<JToken> { Heading(heading) };
        if (notice is not null)
        {
            body.Add(Text(notice, color: "Accent"));
        }

        body.Add(Container(Request(request, StaffVerbs.SingleView), StyleOf(request.Status)));
        return Card(body);
    }

    /// <summary>Who last changed the status, and when (clinic time).</summary>
    public string StatusLine(BookingRequest request) =>
        $"{Status(request.Status)} · {request.StatusChangedBy} · {Time(request.StatusChangedAt)}";

    private List<JToken> Request(BookingRequest request, string view)
    {
        var contact = string.Join(" / ", new[] { request.Phone is null ? null : ContactDetails.FormatPhone(request.Phone), request.Email }.OfType<string>());
        var items = new List<JToken>
        {
            Text($"**{request.Reference}** · {BookingText.ReasonTitle(request.Reason)} · **{Status(request.Status)}**"),
            Facts(
                ("Name", request.Name),
                ("Contact", contact),
                ("Preferred", request.PreferredTimes),
                ("Received", $"{Time(request.CreatedAt)} via {request.Channel}"),
                ("Status", StatusLine(request))),
        };
        var buttons = Targets
            .Where(target => InvalidBookingStatusChangeException.IsAllowed(request.Status, target))
            .Select(target => Execute(Status(target), StaffVerbs.BookingStatus, new JObject
            {
                ["reference"] = request.Reference,
                ["status"] = target.ToString(),
                ["view"] = view,
            }))
            .ToList();
        if (buttons.Count > 0)
        {
            items.Add(ActionSet(buttons));
        }

        return items;
    }

    private string Time(DateTimeOffset time) => clock.ToLocal(time).ToString("ddd MMM d, h:mm tt", CultureInfo.GetCultureInfo("en-US"));

    private static string Status(BookingStatus status) => status switch
    {
        BookingStatus.New => "New",
        BookingStatus.Contacted => "Contacted",
        BookingStatus.Booked => "Booked",
        BookingStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    private static string? StyleOf(BookingStatus status) => status switch
    {
        BookingStatus.New => "attention",
        BookingStatus.Booked => "good",
        _ => null,
    };
}
