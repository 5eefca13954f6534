using Chatbot.Clinic.Handoffs;
using Chatbot.Patients.Handoff;
using Newtonsoft.Json.Linq;
using static Chatbot.Staff.Teams.AdaptiveCards;

namespace Chatbot.Staff.Teams;

/// <summary>The staff side of a live hand-off in Teams: what a card becomes when a chat is taken or ended, and the replies to <c>take</c> and <c>end</c>.</summary>
public static class LiveHandoffCards
{
    /// <summary>How staff talk in a live chat, shown once they take it.</summary>
    public const string HowToReply =
        "Write your replies here and I pass them to the patient (in a channel thread, @mention me first). The patient's messages appear here. " +
        "Type **end** or press **End chat** when you're done; the bot then answers the patient again.";

    /// <summary>A card after a successful take, with an End button.</summary>
    public static JObject Taken(LiveHandoff handoff, string who) => Card(
    [
        Heading($"{who} is chatting with the patient ({handoff.Reference})"),
        Text(HowToReply, subtle: true),
        ActionSet([EndButton(handoff.Reference)]),
    ]);

    /// <summary>A card when the take did not happen.</summary>
    public static JObject NotTaken(string reference, TakeOutcome outcome, LiveHandoff? handoff) => Card(
    [
        Heading($"Hand-off {reference}"),
        Text(Refusal(reference, outcome, handoff), subtle: true),
    ]);

    /// <summary>A card once the chat ended.</summary>
    public static JObject Ended(string reference, string who) => Card(
    [
        Heading($"Chat {reference} ended"),
        Text($"{who} ended the chat. The bot answers the patient again.", subtle: true),
    ]);

    /// <summary>Why a take did not happen, in a sentence.</summary>
    public static string Refusal(string reference, TakeOutcome outcome, LiveHandoff? handoff) => outcome switch
    {
        TakeOutcome.AlreadyTaken => $"{LiveHandoffMessages.FirstName(handoff?.TakenBy)} already took {reference}.",
        TakeOutcome.Over when handoff?.Status == LiveHandoffStatus.TimedOut => $"{reference} timed out before anyone took it: the patient was given the phone number and the bot answers them again.",
        TakeOutcome.Over => $"{reference} has ended: the bot answers that patient again.",
        TakeOutcome.SeatBusy => $"This chat already holds the live chat {handoff?.Reference}. End it first (**end**), or take {reference} from another chat or thread, so that no message goes to the wrong patient.",
        _ => $"There is no live hand-off {reference}. **handoffs** lists the open ones.",
    };

    /// <summary>The Take button of a hand-off card.</summary>
    public static JObject TakeButton(string reference) =>
        Execute("Take this chat", StaffVerbs.HandoffTake, new JObject { ["reference"] = reference });

    /// <summary>The End button of a live chat.</summary>
    public static JObject EndButton(string reference) =>
        Execute("End chat", StaffVerbs.HandoffEnd, new JObject { ["reference"] = reference });
}
