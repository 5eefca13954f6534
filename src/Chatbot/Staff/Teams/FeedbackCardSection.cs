using System.Globalization;
using Chatbot.Clinic.Feedback;
using Chatbot.Faq.Answering;
using Newtonsoft.Json.Linq;
using static Chatbot.Staff.Teams.AdaptiveCards;

namespace Chatbot.Staff.Teams;

/// <summary>
/// Patients' 👍/👎 votes on the staff cards: the "Answer feedback" part of the <c>unanswered</c> digest (totals and the
/// entries with the most 👎) and the counts on an entry's card. Null votes mean the store could not be read.
/// </summary>
public static class FeedbackCardSection
{
    /// <summary>How many entries with 👎 the digest lists, at most.</summary>
    public const int MostNotHelpfulShown = 5;

    private const string Unavailable = "Feedback unavailable: the votes could not be read (see the bot's log).";

    /// <summary>The digest's section: the period's totals, then up to five entries with the most 👎, each with a show button.</summary>
    public static JObject Digest(AnswerFeedbackPeriod? period, int days, FaqKnowledge? knowledge)
    {
        var items = new List<JToken> { Text($"Answer feedback, last {Days(days)}", bold: true) };
        if (period is null || period.Total == 0)
        {
            items.Add(Text(period is null ? Unavailable : "No 👍/👎 votes on answers in this period.", subtle: true));
            return Container(items);
        }

        items.Add(Text($"👍 {Count(period.Helpful)} helpful · 👎 {Count(period.NotHelpful)} not helpful, on {Count(period.Entries.Count)} entr{(period.Entries.Count == 1 ? "y" : "ies")}."));
        var worst = period.Entries.Where(e => e.NotHelpful > 0).Take(MostNotHelpfulShown).ToList();
        items.Add(Text(worst.Count == 0 ? "No answer got a 👎." : "Most 👎 first:", subtle: true));
        foreach (var votes in worst)
        {
            var entry = knowledge?.Find(votes.Intent);
            items.Add(Text($"**{entry?.Title ?? votes.Intent}** ({votes.Intent}) · {Votes(votes)}"));
            if (entry is not null)
            {
                items.Add(ActionSet([Execute("Show: " + entry.Title, StaffVerbs.FaqShow, new JObject { ["intent"] = entry.Id, ["days"] = days })]));
            }
        }

        return Container(items);
    }

    /// <summary>The fact for an entry's card: its votes in the period, "no votes", or "unavailable".</summary>
    public static (string Title, string? Value) EntryFact(AnswerFeedbackPeriod? period, string intent, int days) =>
        ($"Feedback ({Days(days)})", period is null ? "unavailable" : period.Find(intent) is { } votes ? Votes(votes) : "no votes");

    private static string Votes(EntryFeedback votes) => $"👍 {Count(votes.Helpful)} · 👎 {Count(votes.NotHelpful)}";

    private static string Days(int days) => days == 1 ? "day" : $"{Count(days)} days";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
