using Chatbot.Patients.Booking;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Patients;
using Chatbot.Patients.Handoff;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Staff.Teams;

/// <summary>
/// Answers the <c>adaptiveCard/action</c> invokes of the staff cards' <c>Action.Execute</c> buttons (Teams Universal
/// Actions) with a replacement card, so the card updates in place. Every action checks the sender like the commands do.
/// </summary>
public sealed partial class StaffCardActions(
    AudienceResolver audience,
    StaffViews views,
    IBookingStore bookings,
    BookingCards bookingCards,
    HandoffService handoff,
    LiveHandoffStaffRelay liveHandoffs,
    FaqKnowledgeProvider knowledgeProvider,
    IOptions<TeamsOptions> teamsOptions,
    TimeProvider timeProvider,
    ILogger<StaffCardActions> logger)
{
    /// <summary>The response to a card action (always HTTP 200; errors are <c>application/vnd.microsoft.error</c>).</summary>
    public async Task<AdaptiveCardInvokeResponse> OnActionAsync(ITurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(value);
        var verb = value.Action?.Verb ?? string.Empty;
        if (!audience.MayUseStaffCommands(turn.Activity))
        {
            Log.Refused(logger, verb, turn.Activity.Id);
            return AdaptiveCardInvokeResponse.Error(403, "Forbidden", "Only clinic staff can use this card.");
        }

        var data = value.Action?.Data as JObject ?? new JObject();
        Log.Running(logger, verb, turn.Activity.Id);
        return verb switch
        {
            StaffVerbs.BookingStatus => await SetBookingStatusAsync(turn.Activity, data, cancellationToken),
            StaffVerbs.BookingsList => AdaptiveCardInvokeResponse.Card(await views.BookingsAsync(views.BookingsShown, null, cancellationToken)),
            StaffVerbs.UnansweredList => AdaptiveCardInvokeResponse.Card(await views.UnansweredAsync(Days(data), cancellationToken)),
            StaffVerbs.FaqShow => await ShowEntryAsync(data, cancellationToken),
            StaffVerbs.HandoffRelease => await ReleaseAsync(turn.Activity, data, cancellationToken),
            StaffVerbs.HandoffTake => AdaptiveCardInvokeResponse.Card(await liveHandoffs.TakeFromCardAsync(turn.Activity, (string?)data["reference"] ?? string.Empty, cancellationToken)),
            StaffVerbs.HandoffEnd => AdaptiveCardInvokeResponse.Card(await liveHandoffs.EndFromCardAsync(turn.Activity, (string?)data["reference"] ?? string.Empty, cancellationToken)),
            StaffVerbs.HandoffsList => AdaptiveCardInvokeResponse.Card(await views.HandoffsAsync(null, cancellationToken)),
            _ => AdaptiveCardInvokeResponse.Error(400, "NotSupported", "This button is not supported by this version of the bot."),
        };
    }

    private async Task<AdaptiveCardInvokeResponse> SetBookingStatusAsync(Activity activity, JObject data, CancellationToken cancellationToken)
    {
        var reference = (string?)data["reference"] ?? string.Empty;
        if (!Enum.TryParse<BookingStatus>((string?)data["status"], ignoreCase: true, out var status) || !Enum.IsDefined(status) || reference.Length == 0)
        {
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The button did not say which request or status.");
        }

        string notice;
        BookingRequest? request;
        try
        {
            var by = TeamsStaff.NameOf(activity);
            request = await bookings.SetStatusAsync(reference, status, by, timeProvider.GetUtcNow(), cancellationToken);
            notice = request is null ? $"There is no booking request {reference}." : $"{reference} is now {status.ToString().ToLowerInvariant()} ({activity.From?.Name ?? "you"}).";
        }
        catch (InvalidBookingStatusChangeException ex)
        {
            request = await bookings.GetAsync(reference, cancellationToken);
            notice = $"Not changed: {ex.Message} Someone may have updated it already.";
        }

        if (string.Equals((string?)data["view"], StaffVerbs.SingleView, StringComparison.Ordinal) && request is not null)
        {
            return AdaptiveCardInvokeResponse.Card(bookingCards.Single(request, "Booking request " + request.Reference, notice));
        }

        return AdaptiveCardInvokeResponse.Card(await views.BookingsAsync(views.BookingsShown, notice, cancellationToken));
    }

    private async Task<AdaptiveCardInvokeResponse> ShowEntryAsync(JObject data, CancellationToken cancellationToken)
    {
        var entry = (string?)data["intent"] is { } intent ? knowledgeProvider.Current?.Find(intent) : null;
        return entry is null
            ? AdaptiveCardInvokeResponse.Error(404, "NotFound", "That FAQ entry no longer exists.")
            : AdaptiveCardInvokeResponse.Card(await views.EntryAsync(entry, Days(data), cancellationToken));
    }

    private async Task<AdaptiveCardInvokeResponse> ReleaseAsync(Activity activity, JObject data, CancellationToken cancellationToken)
    {
        var reference = (string?)data["reference"] ?? string.Empty;
        var by = TeamsStaff.NameOf(activity);
        var released = reference.Length == 0 ? null : await handoff.ReleaseAsync(reference, by, cancellationToken);
        var who = activity.From?.Name ?? "A staff member";
        if (string.Equals((string?)data["view"], StaffVerbs.SingleView, StringComparison.Ordinal))
        {
            return released is null
                ? AdaptiveCardInvokeResponse.Card(AdaptiveCards.Card([AdaptiveCards.Heading($"Hand-off {reference}"), AdaptiveCards.Text("It was already released or has timed out: the bot is answering again.", subtle: true)]))
                : AdaptiveCardInvokeResponse.Card(HandoffCards.Released(released.Reference, who));
        }

        var notice = released is null ? $"{reference} was already released or has timed out." : $"{who} released {released.Reference}: the bot answers that conversation again.";
        return AdaptiveCardInvokeResponse.Card(await views.HandoffsAsync(notice, cancellationToken));
    }

    private int Days(JObject data)
    {
        var days = data["days"]?.Type == JTokenType.Integer ? (int)data["days"]! : teamsOptions.Value.UnansweredDefaultDays;
        return Math.Clamp(days, 1, 365);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Staff card action {Verb} (activity {ActivityId})")]
        public static partial void Running(ILogger logger, string verb, string? activityId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Staff card action {Verb} refused: the sender may not use staff commands (activity {ActivityId})")]
        public static partial void Refused(ILogger logger, string verb, string? activityId);
    }
}
