using Chatbot.BotFramework.Schema;
using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;

namespace Chatbot.Conversation;

/// <summary>
/// The bot's own messages (welcome, crisis, emergency, fallback, clarification) and the rendering of approved
/// answers. Clinical content never comes from here: only from the FAQ dataset. The crisis and emergency texts
/// are fixed on purpose — they are reviewed once and must not drift.
/// </summary>
public sealed class BotReplies(IOptions<ClinicOptions> clinicOptions)
{
    /// <summary>Button titles of the bot's own actions.</summary>
    public const string TalkToPersonTitle = "Talk to a person";

    /// <summary>Button title that starts booking.</summary>
    public const string BookTitle = "Book a consultation";

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>The welcome: who the bot is, that it is automated and not medical advice, what it can do, 911.</summary>
    public Activity Welcome(FaqKnowledge? knowledge)
    {
        var text =
            $"Hi, I'm the {_clinic.Name} virtual assistant. I'm an **automated assistant**, not a clinician, and what I say is not medical advice.\n\n" +
            "I can answer common questions about ketamine infusion therapy, help you request a consultation, or connect you with our team.\n\n" +
            "**If this is an emergency, call 911.** If you are thinking about suicide or self-harm, call or text **988** (Suicide & Crisis Lifeline).";
        var actions = knowledge is null
            ? [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]
            : _clinic.WelcomeSuggestions.Select(knowledge.Find).OfType<FaqEntry>().Where(e => e.IsPublic).Select(e => CardAction.ImBack(e.Title)).ToList();
        return Message(text, actions);
    }

    /// <summary>The short introduction when the app is added in Teams (staff only): what it does there, and the commands.</summary>
    public Activity StaffWelcome() => Message(
        $"Hi, I'm the {_clinic.BotName}, the {_clinic.Name} virtual assistant. Ask me what patients ask to see the approved answer, " +
        "or staff questions about the assistant. Commands: **bookings**, **unanswered**, **why** <question>, **handoffs**, **release** <reference>, **help**. " +
        "In a channel or group chat, @mention me first.",
        []);

    /// <summary>The staff commands (the <c>help</c> command in Teams).</summary>
    public Activity StaffHelp() => Message(
        "Staff commands (in a channel or group chat, @mention me first):\n\n" +
        "- **bookings**: the newest booking requests, with buttons to mark them contacted, booked or cancelled\n" +
        "- **unanswered** [days]: the questions I could not answer, grouped and counted (default 7 days, e.g. `unanswered 30`)\n" +
        "- **why** <question>: my top three guesses with scores, the thresholds, and what a patient would get\n" +
        "- **handoffs**: conversations waiting for a person\n" +
        "- **release** <reference>: give a handed-off conversation back to me\n" +
        "- **help**: this list\n\n" +
        "Anything else is answered from the approved FAQ, including the staff-only entries.",
        []);

    /// <summary>A staff command from someone outside the configured staff group.</summary>
    public Activity StaffCommandsRefused() => Message(
        $"Sorry, the staff commands are only available to the {_clinic.Name} staff group. You can still ask me questions.", []);

    /// <summary>A Teams user of a tenant that is not allowed: a polite refusal (with 911/988, as every refusal has).</summary>
    public Activity TenantRefused() => Message(
        $"Sorry, this assistant is only available to {_clinic.Name} staff, so I can't help here. " +
        "If this is an emergency, call 911; in a mental-health crisis, call or text 988.",
        []);

    /// <summary>Suicidal or self-harm language: 988, 911, and a person.</summary>
    public Activity Crisis() => Message(
        "I'm really sorry you're going through this, and I'm glad you reached out. You deserve support right now.\n\n" +
        "- **Call or text 988** to reach the 988 Suicide & Crisis Lifeline, any time, day or night (or chat at 988lifeline.org).\n" +
        "- If you are in immediate danger or might act on these thoughts, **call 911** now or go to the nearest emergency room.\n\n" +
        $"I'm an automated assistant, so I can't give you the help you need, but people can. You can also call our clinic at {_clinic.Phone} ({_clinic.Hours}).",
        [CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>Medical-emergency language: 911, nothing else offered.</summary>
    public Activity Emergency() => Message(
        "This sounds like a medical emergency. **Call 911 now** or go to the nearest emergency room — please don't wait for a reply here.\n\n" +
        "If someone is not breathing or won't wake up, call 911 and follow the dispatcher's instructions.",
        []);

    /// <summary>An approved answer with its follow-ups as buttons.</summary>
    public Activity Answer(FaqEntry entry, FaqKnowledge knowledge, bool staffAudience)
    {
        var actions = entry.FollowUps
            .Select(knowledge.Find)
            .OfType<FaqEntry>()
            .Where(e => staffAudience || e.IsPublic)
            .Select(e => CardAction.ImBack(e.Title))
            .ToList();
        return Message(entry.Answer, actions);
    }

    /// <summary>A clinician referral, using the approved referral text of the entry.</summary>
    public Activity ClinicianReferral(FaqEntry entry) =>
        Message(entry.Answer, [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>"Did you mean…?" with the candidates as buttons.</summary>
    public Activity Clarify(IReadOnlyList<FaqEntry> candidates)
    {
        var text = candidates.Count == 1
            ? $"I'm not completely sure I understood. Did you mean: **{candidates[0].Title}**?"
            : "I'm not completely sure I understood. Did you mean one of these?";
        var actions = candidates.Select(c => CardAction.ImBack(c.Title)).Append(CardAction.ImBack("Something else")).ToList();
        return Message(text, actions);
    }

    /// <summary>The honest "I can't answer that", with booking and a person offered.</summary>
    public Activity Fallback(int consecutiveFallbacks, int fallbacksBeforeHandoff)
    {
        var text = consecutiveFallbacks >= fallbacksBeforeHandoff
            ? "I'm sorry, I still can't answer that, and I don't want to guess, so I'm bringing in a person from our team."
            : "I'm sorry, I can't answer that. I only answer questions about ketamine infusion therapy at our clinic, " +
              "from information our clinical team has approved. You could rephrase the question, book a consultation, or talk to a person.";
        return Message(text, [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]);
    }

    /// <summary>The turn error message: neutral, never exception text.</summary>
    public Activity TurnError() => Message(
        $"Sorry, something went wrong on my side. Please try again, or call the clinic at {_clinic.Phone}.", []);

    /// <summary>The model is still loading.</summary>
    public Activity NotReady() => Message(
        $"I'm just starting up and can't answer yet. Please try again in a moment, or call the clinic at {_clinic.Phone}.", []);

    /// <summary>Files and images are not accepted.</summary>
    public Activity AttachmentsDeclined() => Message(
        "Thanks, but I can't open files or images, and please don't send medical records here. " +
        "Type your question instead, or talk to a person.",
        [CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>A message with nothing readable in it.</summary>
    public Activity EmptyMessage() => Message(
        "I didn't catch a question there. Type a question about ketamine infusion therapy, or choose an option below.",
        [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]);

    private static Activity Message(string text, IList<CardAction> actions) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Markdown,
        InputHint = InputHints.AcceptingInput,
        SuggestedActions = actions.Count == 0 ? null : new SuggestedActions { Actions = actions },
    };
}
