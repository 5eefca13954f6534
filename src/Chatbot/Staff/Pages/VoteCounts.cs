using Chatbot.Clinic.Feedback;

namespace Chatbot.Staff.Pages;

/// <summary>The model of <c>_FeedbackCounts</c>: 👍 and 👎 votes, of one entry or of all.</summary>
/// <param name="Helpful">👍 votes.</param>
/// <param name="NotHelpful">👎 votes.</param>
public sealed record VoteCounts(int Helpful, int NotHelpful)
{
    /// <summary>The counts of <paramref name="entry"/>, or null when it has no votes.</summary>
    public static VoteCounts? Of(EntryFeedback? entry) => entry is null ? null : new(entry.Helpful, entry.NotHelpful);

    /// <summary>The counts of every entry in <paramref name="period"/>.</summary>
    public static VoteCounts Of(AnswerFeedbackPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new(period.Helpful, period.NotHelpful);
    }
}
