using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.BotFramework.Schema;
using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients;

/// <summary>
/// The bot's own messages (welcome, crisis, emergency, fallback, clarification) and the rendering of approved
/// answers. Clinical content never comes from here: only from the FAQ dataset. The crisis and emergency texts
/// are fixed on purpose — they are reviewed once and must not drift.
/// </summary>
public sealed class BotReplies(IOptions<ClinicOptions> clinicOptions)
{
    /// <summary>Button titles of the bot's own actions.</summary>
    public const string TalkToPersonTitle = ButtonTitles.TalkToPerson;

    /// <summary>Button title that starts booking.</summary>
    public const string BookTitle = ButtonTitles.Book;

    /// <summary>
    /// The line every reply that is not a confident answer ends with (defence in depth behind the gate). The numbers are
    /// tap-to-call links where the channel renders Markdown links.
    /// </summary>
    public const string CrisisLine = "If you are in crisis, call or text [988](tel:988); in an emergency, call [911](tel:911).";

    /// <summary>Poison Control in the United States.</summary>
    public const string PoisonControl = "[1-800-222-1222](tel:18002221222)";

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>The welcome: who the bot is, that it is automated and not medical advice, what it can do, 911.</summary>
    public Activity Welcome(FaqKnowledge? knowledge)
    {
        var text =
            $"Hi, I'm the {_clinic.Name} virtual assistant. I'm an **automated assistant**, not a clinician, and what I say is not medical advice.\n\n" +
            "I can answer common questions about ketamine infusion therapy, help you request a consultation, or connect you with our team.\n\n" +
            "**If this is an emergency, call [911](tel:911).** If you are thinking about suicide or self-harm, call or text **[988](tel:988)** (Suicide & Crisis Lifeline).";
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
        "- **take** <reference>: chat with that patient live from here; your messages here go to them, theirs come here\n" +
        "- **end** [reference]: end the live chat; I answer the patient again\n" +
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

    /// <summary>What the gate found, in the patient's language: the crisis, poisoning or emergency message.</summary>
    public Activity Safety(SafetyAssessment safety)
    {
        ArgumentNullException.ThrowIfNull(safety);
        return safety.Risk switch
        {
            SafetyRisk.Crisis => Crisis(safety.Spanish, safety.MentionsPoisoning),
            SafetyRisk.Poisoning => Poisoning(safety.Spanish),
            _ => Emergency(safety.Spanish, safety.MentionsPoisoning),
        };
    }

    /// <summary>Suicidal or self-harm language, or someone else at risk: 988, 911, and a person.</summary>
    public Activity Crisis(bool spanish = false, bool poisoning = false) => spanish
        ? Message(
            "Siento mucho que estés pasando por esto, y me alegra que hayas escrito. Mereces apoyo ahora mismo.\n\n" +
            "- **Llama o envía un mensaje de texto al [988](tel:988)** (988 Suicide & Crisis Lifeline), a cualquier hora. Para hablar en español, llama y marca la opción 2, o envía el texto AYUDA al [988](sms:988).\n" +
            "- Si estás en peligro inmediato o podrías actuar según estos pensamientos, **llama al [911](tel:911)** ahora o ve a la sala de emergencias más cercana.\n" +
            (poisoning ? $"- Si tú o alguien tomó algo, llama al **[911](tel:911)** o a Poison Control: **{PoisonControl}** (hay intérpretes en español).\n" : string.Empty) +
            $"\nSoy un asistente automático y no puedo darte la ayuda que necesitas, pero otras personas sí. También puedes llamar a nuestra clínica al {_clinic.Phone}.",
            [CardAction.ImBack(TalkToPersonTitle)])
        : Message(
            "I'm really sorry you're going through this, and I'm glad you reached out. You deserve support right now.\n\n" +
            "- **Call or text [988](tel:988)** to reach the 988 Suicide & Crisis Lifeline, any time, day or night (or chat at 988lifeline.org).\n" +
            "- If you are in immediate danger or might act on these thoughts, **call [911](tel:911)** now or go to the nearest emergency room.\n" +
            (poisoning ? $"- If you or someone else has taken something, call **[911](tel:911)** or Poison Control at **{PoisonControl}**.\n" : string.Empty) +
            $"\nI'm an automated assistant, so I can't give you the help you need, but people can. You can also call our clinic at {_clinic.Phone} ({_clinic.Hours}).",
            [CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>Medical-emergency language: 911, nothing else offered.</summary>
    public Activity Emergency(bool spanish = false, bool poisoning = false) => spanish
        ? Message(
            "Esto parece una emergencia médica. **Llama al [911](tel:911) ahora** o ve a la sala de emergencias más cercana; por favor no esperes una respuesta aquí.\n\n" +
            "Si alguien no respira o no despierta, llama al 911 y sigue las instrucciones de la operadora." +
            (poisoning ? $" Si alguien tomó algo, también puedes llamar a Poison Control: **{PoisonControl}**." : string.Empty) +
            "\n\nSi estás pensando en hacerte daño, llama o envía un texto al [988](tel:988).",
            [])
        : Message(
            "This sounds like a medical emergency. **Call [911](tel:911) now** or go to the nearest emergency room — please don't wait for a reply here.\n\n" +
            "If someone is not breathing or won't wake up, call 911 and follow the dispatcher's instructions." +
            (poisoning ? $" If someone has taken something, you can also call Poison Control at **{PoisonControl}**." : string.Empty) +
            "\n\nIf you are thinking about harming yourself, call or text [988](tel:988).",
            []);

    /// <summary>Poisoning or overdose: 911 if the person is in danger, and Poison Control.</summary>
    public Activity Poisoning(bool spanish = false) => spanish
        ? Message(
            "Esto puede ser una intoxicación o una sobredosis. **Si la persona no respira, no despierta, tiene una convulsión o le cuesta respirar, llama al [911](tel:911) ahora.**\n\n" +
            $"Si no, llama ya a **Poison Control: {PoisonControl}** (gratis, las 24 horas, con intérpretes en español). Ten a mano el envase de lo que tomó.\n\n" +
            "Si alguien tomó algo a propósito para hacerse daño, llama o envía un texto al [988](tel:988) además.",
            [])
        : Message(
            "This may be a poisoning or an overdose. **If the person is not breathing, won't wake up, is having a seizure or has trouble breathing, call [911](tel:911) now.**\n\n" +
            $"Otherwise call **Poison Control at {PoisonControl}** right away (free, 24 hours a day). Keep the container of whatever was taken with you.\n\n" +
            "If someone took something on purpose to hurt themselves, also call or text [988](tel:988).",
            []);

    /// <summary>
    /// An approved answer with its follow-ups as buttons; <paramref name="alternatives"/> (the runners-up of an answer
    /// given on a clear lead) come first, so a patient who meant another entry is one tap away.
    /// </summary>
    public Activity Answer(FaqEntry entry, FaqKnowledge knowledge, bool staffAudience, IReadOnlyList<FaqEntry>? alternatives = null)
    {
        var actions = (alternatives ?? [])
            .Concat(entry.FollowUps.Select(knowledge.Find).OfType<FaqEntry>())
            .Where(e => (staffAudience || e.IsPublic) && e.Id != entry.Id)
            .DistinctBy(e => e.Id)
            .Take(5)
            .Select(e => CardAction.ImBack(e.Title))
            .ToList();

        // A goodbye can follow a short or odd message that the gate did not understand: the crisis line goes with it.
        var answer = FillIn(entry.Answer);
        var text = entry.Id == "smalltalk/goodbye" ? answer + "\n\n" + CrisisLine : answer;
        return Message(text, actions);
    }

    /// <summary>
    /// An approved answer with the clinic's settings in place of <see cref="AnswerPlaceholders"/>; the phone number is a
    /// tap-to-call link.
    /// </summary>
    public string FillIn(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!answer.Contains("{clinic.", StringComparison.Ordinal))
        {
            return answer;
        }

        var dial = new string(_clinic.Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        var phone = dial.Length > 0 ? $"[{_clinic.Phone}](tel:{dial})" : _clinic.Phone;
        return answer
            .Replace(AnswerPlaceholders.Name, _clinic.Name, StringComparison.Ordinal)
            .Replace(AnswerPlaceholders.Phone, phone, StringComparison.Ordinal)
            .Replace(AnswerPlaceholders.Hours, _clinic.Hours, StringComparison.Ordinal);
    }

    /// <summary>After a 👎 on an answer: thanks, what happens to the vote, and a way forward.</summary>
    public Activity NotHelpful() => Message(
        "Thanks for telling me. I've let the team who write these answers know, without anything you typed. " +
        $"You could ask in other words, book a consultation, or talk to a person; you can also call us at {_clinic.Phone}.",
        [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>A clinician referral, using the approved referral text of the entry.</summary>
    public Activity ClinicianReferral(FaqEntry entry) =>
        Message(FillIn(entry.Answer), [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>"Did you mean…?" with the candidates as buttons.</summary>
    public Activity Clarify(IReadOnlyList<FaqEntry> candidates)
    {
        var text = candidates.Count == 1
            ? $"I'm not completely sure I understood. Did you mean: **{candidates[0].Title}**?\n\n{CrisisLine}"
            : $"I'm not completely sure I understood. Did you mean one of these?\n\n{CrisisLine}";
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
        text += "\n\n" + CrisisLine;
        return Message(text, [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]);
    }

    /// <summary>
    /// The turn error message: neutral, never exception text, and always with 988 and 911 — if a turn fails we cannot
    /// know that the message was not a crisis, so the error reply fails closed.
    /// </summary>
    public Activity TurnError() => Message(
        $"Sorry, something went wrong on my side. Please try again, or call the clinic at {_clinic.Phone}.\n\n" +
        "**If you are in crisis, call or text [988](tel:988). In an emergency, call [911](tel:911).**", []);

    /// <summary>The model is still loading.</summary>
    public Activity NotReady() => Message(
        $"I'm just starting up and can't answer yet. Please try again in a moment, or call the clinic at {_clinic.Phone}.", []);

    /// <summary>Files and images are not accepted.</summary>
    public Activity AttachmentsDeclined() => Message(
        "Thanks, but I can't open files or images, and please don't send medical records here. " +
        "Type your question instead, or talk to a person.\n\n" + CrisisLine,
        [CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>
    /// A press of a booking form that is no longer open (already sent, cancelled, or from before a restart of the
    /// chat): say so, rather than "I didn't catch a question there", and offer a new request.
    /// </summary>
    public Activity BookingFormClosed() => Message(
        "That form is already closed, so I didn't send anything new. If you already sent a request, our team has it " +
        $"and will contact you {_clinic.CallbackTime}. To request another appointment, choose **{BookTitle}**; " +
        $"to change a request, call us at {_clinic.Phone}.",
        [CardAction.ImBack(BookTitle), CardAction.ImBack(TalkToPersonTitle)]);

    /// <summary>A message with nothing readable in it.</summary>
    public Activity EmptyMessage() => Message(
        "I didn't catch a question there. Type a question about ketamine infusion therapy, or choose an option below.\n\n" + CrisisLine,
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
