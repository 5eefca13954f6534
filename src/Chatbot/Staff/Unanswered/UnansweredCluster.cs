namespace Chatbot.Staff.Unanswered;

/// <summary>A group of similar unanswered questions, counted, with the entries they most likely belong to.</summary>
/// <param name="Variants">The wordings, most asked first; the first is the group's headline.</param>
/// <param name="Count">How many questions the group holds.</param>
/// <param name="LastAsked">When one was last asked.</param>
/// <param name="TopIntents">The classifier's guesses recorded with the questions (intent → summed score).</param>
/// <param name="Suggestions">The closest entries, best first (filled in by <see cref="UnansweredInbox"/>).</param>
public sealed record UnansweredCluster(
    IReadOnlyList<UnansweredVariant> Variants,
    int Count,
    DateTimeOffset LastAsked,
    IReadOnlyDictionary<string, double> TopIntents,
    IReadOnlyList<EntrySuggestion> Suggestions)
{
    /// <summary>The most asked wording.</summary>
    public string Headline => Variants[0].Text;
}
