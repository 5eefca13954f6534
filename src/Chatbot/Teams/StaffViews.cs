using Chatbot.Booking;
using Chatbot.Handoff;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Teams;

/// <summary>The list cards of the staff commands, built from the stores (used by commands and by card buttons).</summary>
public sealed class StaffViews(
    IBookingStore bookings,
    IUnansweredQuestionStore unanswered,
    HandoffService handoff,
    FaqKnowledgeProvider knowledgeProvider,
    BookingCards bookingCards,
    HandoffCards handoffCards,
    InsightCards insightCards,
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

    /// <summary>The most frequent unanswered questions of the last <paramref name="days"/> days, grouped.</summary>
    public async Task<JObject> UnansweredAsync(int days, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow().AddDays(-days);
        var questions = await unanswered.ListAsync(since, UnansweredReadLimit, cancellationToken);
        var groups = UnansweredDigest.Group(questions, options.Value.UnansweredShown);
        return insightCards.Unanswered(groups, questions.Count, days, knowledgeProvider.Current);
    }

    /// <summary>The open hand-offs.</summary>
    public async Task<JObject> HandoffsAsync(string? notice, CancellationToken cancellationToken)
    {
        var open = await handoff.ListOpenAsync(20, cancellationToken);
        return handoffCards.List(open, notice);
    }
}
