using Chatbot.Clinic.Feedback;
using Chatbot.Faq.Dataset;

namespace Chatbot.Cli;

/// <summary>
/// Patients' 👍/👎 votes on answers as <c>chatbot evaluate</c> exports them (the <c>feedback</c> object of
/// <c>--json</c>, a section of <c>--html</c>, a table on the console): no message text, only counts.
/// </summary>
/// <param name="Source">Where the votes were read: the SQLite file, or the PostgreSQL server and database.</param>
/// <param name="Days">The period's length in days (<c>--feedback-days</c>).</param>
/// <param name="Since">The start of the period (UTC).</param>
/// <param name="Until">When the votes were read (UTC).</param>
/// <param name="Helpful">👍 votes on all entries.</param>
/// <param name="NotHelpful">👎 votes on all entries.</param>
/// <param name="Total">All votes.</param>
/// <param name="Entries">One row per entry with votes, the most 👎 first.</param>
internal sealed record FeedbackReport(
    string Source, int Days, DateTimeOffset Since, DateTimeOffset Until, int Helpful, int NotHelpful, int Total, IReadOnlyList<FeedbackRow> Entries)
{
    /// <summary>The export of <paramref name="period"/>, with the entries' titles from <paramref name="dataset"/>.</summary>
    public static FeedbackReport From(AnswerFeedbackPeriod period, string source, FaqDataset dataset)
    {
        var titles = dataset.Entries.Concat(dataset.Drafts).GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        return new FeedbackReport(
            source, period.Days, period.Since, period.Until, period.Helpful, period.NotHelpful, period.Total,
            [.. period.Entries.Select(e => new FeedbackRow(
                e.Intent, titles.GetValueOrDefault(e.Intent), e.Helpful, e.NotHelpful, e.Total, Math.Round(e.HelpfulShare, 3), e.LastVotedAt, e.ModelVersions))]);
    }
}

/// <summary>The votes on one entry.</summary>
/// <param name="Intent">The entry's id.</param>
/// <param name="Title">Its title, or null when the entry is no longer in the data folder.</param>
/// <param name="Helpful">👍 votes.</param>
/// <param name="NotHelpful">👎 votes.</param>
/// <param name="Total">All votes.</param>
/// <param name="HelpfulShare">The share of 👍 (0–1, three decimals).</param>
/// <param name="LastVotedAt">The newest vote (UTC).</param>
/// <param name="ModelVersions">The model versions the votes were cast under, newest vote first.</param>
internal sealed record FeedbackRow(
    string Intent, string? Title, int Helpful, int NotHelpful, int Total, double HelpfulShare, DateTimeOffset LastVotedAt, IReadOnlyList<string> ModelVersions);
