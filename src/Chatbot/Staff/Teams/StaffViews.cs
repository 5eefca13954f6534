using Chatbot.Faq.Dataset;
using Chatbot.Patients.Booking;
using Chatbot.Staff.Feedback;
using Chatbot.Patients.Handoff;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Staff.Teams;

/// <summary>The list cards of the staff commands, built from the stores (used by commands and by card buttons).</summary>
public sealed class StaffViews(
    IBookingStore bookings,
    IUnansweredQuestionStore unanswered,
    HandoffService handoff,
    FaqKnowledgeProvider knowledgeProvider,
    BookingCards bookingCards,
    HandoffCards handoffCards,
    InsightCards insightCards,
    StaffFeedback feedback,
    IOptions<TeamsOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>How many unanswered questions are read for grouping, at most.</summary>
    public const int UnansweredReadLimit = 2000;

    /// <summary>The newest booking requests.</summary>
    public async Task<JObject> BookingsAsync(int count, string? notice, CancellationToken cancellationToken)
    {
        var requests = await bookings.ListAsync(status: null, Math.Clamp(count, 1, 25), cancellationToken);
        return bookingCards.List(requests, notice);
    }

    /// <summary>The default number of booking requests shown.</summary>
    public int BookingsShown => options.Value.BookingsShown;

    /// <summary>
    /// The staff digest: the most frequent unanswered questions of the last <paramref name="days"/> days, grouped, and
    /// patients' votes on answers in the same period.
    /// </summary>
    public async Task<JObject> UnansweredAsync(int days, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow().AddDays(-days);
        var questions = await unanswered.ListAsync(since, UnansweredReadLimit, cancellationToken);
        var groups = UnansweredDigest.Group(questions, options.Value.UnansweredShown);
        var votes = await feedback.ReadAsync(days, cancellationToken);
        return insightCards.Unanswered(groups, questions.Count, days, knowledgeProvider.Current, votes);
    }

    /// <summary>One FAQ entry, with patients' votes on it in the last <paramref name="days"/> days.</summary>
    public async Task<JObject> EntryAsync(FaqEntry entry, int days, CancellationToken cancellationToken) =>
        InsightCards.Entry(entry, days, await feedback.ReadAsync(days, cancellationToken));

    /// <summary>The open hand-offs.</summary>
    public async Task<JObject> HandoffsAsync(string? notice, CancellationToken cancellationToken)
    {
        var open = await handoff.ListOpenAsync(20, cancellationToken);
        return handoffCards.List(open, notice);
    }
}
