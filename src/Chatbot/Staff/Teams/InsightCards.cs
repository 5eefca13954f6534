using Chatbot.Clinic.Feedback;
using Chatbot.Faq.Answering;
using System.Globalization;
using Chatbot.Patients;
using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Chatbot.Faq.Safety;
using Newtonsoft.Json.Linq;
using static Chatbot.Staff.Teams.AdaptiveCards;

namespace Chatbot.Staff.Teams;

/// <summary>Cards that explain the bot to staff: unanswered questions, one FAQ entry, and the <c>why</c> report.</summary>
public sealed class InsightCards(ClinicClock clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>
    /// The staff digest: the grouped unanswered questions of the last <paramref name="days"/> days, then patients'
    /// votes on answers in the same period (<paramref name="feedback"/> is null when they could not be read).
    /// </summary>
    public JObject Unanswered(IReadOnlyList<UnansweredGroup> groups, int total, int days, FaqKnowledge? knowledge, AnswerFeedbackPeriod? feedback)
    {
        var body = new List<JToken>
        {
            Heading($"Unanswered questions, last {days} day{(days == 1 ? string.Empty : "s")}"),
            Text(total == 0
                ? "The bot answered every question in this period."
                : $"{total} question{(total == 1 ? string.Empty : "s")}; the {groups.Count} most frequent below. Personal details were removed before storing.", subtle: true),
        };
        foreach (var group in groups)
        {
            var entry = group.ClosestIntent is null ? null : knowledge?.Find(group.ClosestIntent);
            var items = new List<JToken>
            {
                Text($"**{group.Count}×** {group.Text}"),
                Text($"Last asked {Time(group.LastAsked)}" + (entry is null ? string.Empty : $" · closest entry: {entry.Id}"), subtle: true),
            };
            if (entry is not null)
            {
                items.Add(ActionSet([Execute("Closest: " + entry.Title, StaffVerbs.FaqShow, new JObject { ["intent"] = entry.Id, ["days"] = days })]));
            }

            body.Add(Container(items));
        }

        body.Add(FeedbackCardSection.Digest(feedback, days, knowledge));
        return Card(body);
    }

    /// <summary>One FAQ entry (title, audience, answer, patients' votes), with a way back to the unanswered list.</summary>
    public static JObject Entry(FaqEntry entry, int days, AnswerFeedbackPeriod? feedback) => Card(
        [
            Heading(entry.Title),
            Facts(("Id", entry.Id), ("Audience", entry.Audience.ToString().ToLowerInvariant()), ("Owner", entry.Owner),
                ("Last reviewed", entry.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Examples", entry.Examples.Count.ToString(CultureInfo.InvariantCulture)),
                FeedbackCardSection.EntryFact(feedback, entry.Id, days)),
            Container([Text(entry.Answer)], "emphasis"),
        ],
        [Execute("Back to unanswered questions", StaffVerbs.UnansweredList, new JObject { ["days"] = days })]);

    /// <summary>The <c>why</c> report: top three with scores, thresholds, and what a patient would get.</summary>
    public static JObject Why(WhyReport report, FaqKnowledge knowledge)
    {
        var thresholds = report.Prediction.Thresholds;
        var top = report.Prediction.Top.Take(3).Select((score, i) =>
        {
            var entry = knowledge.Find(score.Intent);
            var label = entry is null ? score.Intent : $"{score.Intent} ({entry.Audience.ToString().ToLowerInvariant()}): {entry.Title}";
            return ($"{i + 1}. {score.Score.ToString("0.000", CultureInfo.InvariantCulture)}", (string?)label);
        }).ToArray();
        var body = new List<JToken>
        {
            Heading("Why: " + Quote(report.Question)),
            Text("Top three intents", bold: true),
            Facts(top),
            Text("Thresholds", bold: true),
            Facts(
                ("Answer", "score ≥ " + thresholds.Answer.ToString("0.000", CultureInfo.InvariantCulture) + " and a lead of ≥ " + report.MinimumMargin.ToString("0.00", CultureInfo.InvariantCulture) + " over the second"),
                ("Did you mean", "score ≥ " + thresholds.Clarify.ToString("0.000", CultureInfo.InvariantCulture)),
                ("Below that", "the honest fallback"),
                ("Model", report.Prediction.ModelVersion.Length > 12 ? report.Prediction.ModelVersion[..12] : report.Prediction.ModelVersion)),
            Text("A patient on the website would get", bold: true),
        };
        body.AddRange(Describe(report, report.Patient));
        if (report.Staff is not null && report.Patient is not null && (report.Staff.Kind != report.Patient.Kind || report.Staff.Entry?.Id != report.Patient.Entry?.Id))
        {
            body.Add(Text("Staff in Teams would get", bold: true));
            body.AddRange(Describe(report, report.Staff));
        }

        return Card(body);
    }

    private static IEnumerable<JToken> Describe(WhyReport report, AnswerDecision? decision)
    {
        if (report.Safety.Risk != SafetyRisk.None || decision is null)
        {
            yield return Text(report.Safety.Risk == SafetyRisk.Crisis
                ? "The crisis message (988 and 911) before anything else, and a hand-off to staff: the safety gate fired (rule " + report.Safety.Rule + ")."
                : "The emergency message (call 911), with nothing else offered: the safety gate fired (rule " + report.Safety.Rule + ").", color: "Attention");
            yield break;
        }

        var exact = report.ExactMatch is not null && report.ExactMatch.Id == decision.Entry?.Id ? " (an exact approved question or button title: the model is not asked)" : string.Empty;
        switch (decision.Kind)
        {
            case AnswerKind.Answer:
                yield return Text($"The approved answer of **{decision.Entry!.Title}** ({decision.Entry.Id}){exact}:");
                yield return Container([Text(decision.Entry.Answer)], "emphasis");
                break;
            case AnswerKind.Clarify:
                yield return Text("\"Did you mean…?\" with: " + string.Join("; ", decision.Candidates.Select(c => c.Title)) + ". The question is stored as unanswered.");
                break;
            case AnswerKind.ClinicianReferral:
                yield return Text($"A referral to a clinician ({decision.Entry!.Id}){exact}: never an answer to a personal medical question.");
                break;
            case AnswerKind.Booking:
                yield return Text("The booking dialog (request an appointment)" + exact + ".");
                break;
            case AnswerKind.Handoff:
                yield return Text("A hand-off to a person" + exact + ".");
                break;
            default:
                yield return Text("The honest fallback (\"I'm sorry, I can't answer that…\") with booking and a person offered. The question is stored as unanswered.");
                break;
        }
    }

    private static string Quote(string text) => "“" + (text.Length > 120 ? text[..120] + "…" : text) + "”";

    private string Time(DateTimeOffset time) => clock.CardTime(time);
}
