namespace Chatbot.Clinic.Feedback;

/// <summary>The votes on one entry across model versions.</summary>
/// <param name="Intent">The FAQ entry.</param>
/// <param name="Helpful">👍 votes.</param>
/// <param name="NotHelpful">👎 votes.</param>
/// <param name="LastVotedAt">The newest vote.</param>
/// <param name="ModelVersions">The model versions the votes were cast under, newest vote first.</param>
public sealed record EntryFeedback(string Intent, int Helpful, int NotHelpful, DateTimeOffset LastVotedAt, IReadOnlyList<string> ModelVersions)
{
    /// <summary>All votes.</summary>
    public int Total => Helpful + NotHelpful;

    /// <summary>The share of 👍 among the votes (0 with no votes).</summary>
    public double HelpfulShare => Total == 0 ? 0 : (double)Helpful / Total;
}

/// <summary>Adds up stored vote counts per entry, the way staff read them (shared by the staff page, Teams and the CLI).</summary>
public static class AnswerFeedbackTotals
{
    /// <summary>
    /// One row per entry, the most 👎 first (then the most votes, then by id), so what needs attention leads.
    /// </summary>
    public static IReadOnlyList<EntryFeedback> ByEntry(IEnumerable<AnswerFeedbackCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts
            .GroupBy(c => c.Intent, StringComparer.Ordinal)
            .Select(g => new EntryFeedback(
                g.Key,
                g.Sum(c => c.Helpful),
                g.Sum(c => c.NotHelpful),
                g.Max(c => c.LastVotedAt),
                [.. g.OrderByDescending(c => c.LastVotedAt).Select(c => c.ModelVersion).Distinct(StringComparer.Ordinal)]))
            .OrderByDescending(e => e.NotHelpful)
            .ThenByDescending(e => e.Total)
            .ThenBy(e => e.Intent, StringComparer.Ordinal)
            .ToList();
    }
}
