using System.Globalization;
using Chatbot.Patients;
using Chatbot.Patients.Handoff;
using Newtonsoft.Json.Linq;
using static Chatbot.Staff.Teams.AdaptiveCards;
using Chatbot.Clinic.Handoffs;

namespace Chatbot.Staff.Teams;

/// <summary>Open hand-offs as Adaptive Cards for staff, each with a button that gives the conversation back to the bot.</summary>
public sealed class HandoffCards(ClinicClock clock)
{
    /// <summary>The open hand-offs (the <c>handoffs</c> command), with an optional notice on top.</summary>
    public JObject List(IReadOnlyList<OpenHandoff> handoffs, string? notice = null)
    {
        var body = new List<JToken> { Heading(handoffs.Count == 0 ? "No open hand-offs" : $"Open hand-offs ({handoffs.Count})") };
        if (notice is not null)
        {
            body.Add(Text(notice, color: "Accent"));
        }

        if (handoffs.Count == 0)
        {
            body.Add(Text("Every conversation is with the bot.", subtle: true));
        }

        foreach (var handoff in handoffs)
        {
            body.Add(Container(
                [
                    Text($"**{handoff.Reference}** · {Reason(handoff.Reason)} · {handoff.Channel}"),
                    Facts(
                        ("Started", Time(handoff.StartedAt)),
                        ("Bot answers again", Time(handoff.ExpiresAt)),
                        ("Last message", handoff.Summary),
                        ("Conversation", handoff.ConversationId)),
                    ActionSet([LiveHandoffCards.TakeButton(handoff.Reference), ReleaseButton(handoff.Reference, StaffVerbs.ListView)]),
                ],
                handoff.Reason == HandoffReason.Crisis ? "attention" : null));
        }

        return Card(body, [Execute("Refresh", StaffVerbs.HandoffsList, new JObject())]);
    }

    /// <summary>A hand-off notification for the staff channel, from the outbox payload.</summary>
    public JObject Notification(string subject, JObject payload)
    {
        var reference = (string?)payload["handoffReference"];
        var during = payload["duringClinicHours"]?.Type == JTokenType.Boolean && (bool)payload["duringClinicHours"]!;
        var body = new List<JToken>
        {
            Heading(subject),
            Facts(
                ("Reference", reference),
                ("Reason", (string?)payload["reason"]),
                ("Channel", (string?)payload["channel"]),
                ("Conversation", (string?)payload["conversationId"]),
                ("Clinic hours", during ? "Yes: the bot is quiet until the hand-off is released or times out" : "No: the patient was given the phone number and hours")),
        };
        var recent = (payload["recentMessages"] as JArray)?.Select(m => (string?)m).OfType<string>().ToList() ?? [];
        if (recent.Count > 0)
        {
            body.Add(Text("Recent messages (personal details removed):", bold: true));
            body.Add(Text(string.Join("\n", recent.Select(m => "- " + m))));
        }

        if (reference is not null && during)
        {
            body.Add(ActionSet([LiveHandoffCards.TakeButton(reference), ReleaseButton(reference, StaffVerbs.SingleView)]));
        }

        return Card(body);
    }

    /// <summary>What a single-hand-off card becomes once released.</summary>
    public static JObject Released(string reference, string releasedBy) => Card(
    [
        Heading($"Hand-off {reference} released"),
        Text($"{releasedBy} gave the conversation back to the bot.", subtle: true),
    ]);

    private static JObject ReleaseButton(string reference, string view) =>
        Execute("Give back to the bot", StaffVerbs.HandoffRelease, new JObject { ["reference"] = reference, ["view"] = view });

    private string Time(DateTimeOffset time) => clock.CardTime(time);

    private static string Reason(HandoffReason reason) => reason switch
    {
        HandoffReason.Crisis => "Crisis language",
        HandoffReason.RepeatedFallbacks => "Bot could not answer",
        _ => "Patient asked for a person",
    };
}
