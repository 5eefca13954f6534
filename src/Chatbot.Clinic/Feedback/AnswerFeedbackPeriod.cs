namespace Chatbot.Clinic.Feedback;

/// <summary>
/// The answer feedback of the last <see cref="Days"/> days as staff read it: the totals and one row per entry, the most
/// 👎 first (shared by the staff page, the Teams digest and <c>chatbot evaluate</c>, so all three count alike).
/// </summary>
public sealed class AnswerFeedbackPeriod
{
    private readonly Dictionary<string, EntryFeedback> _byIntent;
    private readonly ILookup<string, AnswerFeedbackCount> _counts;

    /// <summary>Creates the period from the store's counts per entry and model version.</summary>
    public AnswerFeedbackPeriod(DateTimeOffset since, DateTimeOffset until, int days, IReadOnlyList<AnswerFeedbackCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Since = since;
        Until = until;
        Days = days;
        Entries = AnswerFeedbackTotals.ByEntry(counts);
        _byIntent = Entries.ToDictionary(e => e.Intent, StringComparer.Ordinal);
        _counts = counts.ToLookup(c => c.Intent, StringComparer.Ordinal);
    }

    /// <summary>The start of the period (UTC).</summary>
    public DateTimeOffset Since { get; }

    /// <summary>When the votes were read (UTC).</summary>
    public DateTimeOffset Until { get; }

    /// <summary>The length of the period in days.</summary>
    public int Days { get; }

    /// <summary>One row per entry with votes, the most 👎 first (<see cref="AnswerFeedbackTotals.ByEntry"/>).</summary>
    public IReadOnlyList<EntryFeedback> Entries { get; }

    /// <summary>👍 votes on all entries.</summary>
    public int Helpful => Entries.Sum(e => e.Helpful);

    /// <summary>👎 votes on all entries.</summary>
    public int NotHelpful => Entries.Sum(e => e.NotHelpful);

    /// <summary>All votes.</summary>
    public int Total => Helpful + NotHelpful;

    /// <summary>The votes on <paramref name="intent"/>, or null when it has none in the period.</summary>
    public EntryFeedback? Find(string intent) => _byIntent.GetValueOrDefault(intent);

    /// <summary>
    /// The votes on <paramref name="intent"/> per model version, the newest vote first: whether a retrained model
    /// changed what patients think of the answer.
    /// </summary>
    public IReadOnlyList<AnswerFeedbackCount> ByModelVersion(string intent) =>
        [.. _counts[intent].OrderByDescending(c => c.LastVotedAt).ThenBy(c => c.ModelVersion, StringComparer.Ordinal)];

    /// <summary>Reads the votes cast in the <paramref name="days"/> days before <paramref name="now"/> (one query).</summary>
    /// <remarks>Store failures are not caught here: each caller decides what a failure means for it.</remarks>
    public static async Task<AnswerFeedbackPeriod> ReadAsync(IAnswerFeedbackStore store, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var since = now.AddDays(-days);
        var counts = await store.CountAsync(since, cancellationToken);
        return new AnswerFeedbackPeriod(since, now, days, counts);
    }
}
