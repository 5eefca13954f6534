using System.Text.RegularExpressions;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Safety;
using Chatbot.Knowledge;

namespace Chatbot.Patients.Booking;

/// <summary>What a message typed during booking is, besides (or instead of) an answer to the current step.</summary>
public enum BookingInterruptionKind
{
    /// <summary>Nothing else: treat it as the answer to the current step.</summary>
    None,

    /// <summary>The patient wants to stop booking ("never mind", "forget it", in any wording).</summary>
    Cancel,

    /// <summary>The patient wants to start the whole conversation again.</summary>
    StartOver,

    /// <summary>The patient wants a person.</summary>
    Handoff,

    /// <summary>A question with an approved answer: answer it, then resume booking where it was.</summary>
    Question,

    /// <summary>A correction of an earlier answer ("sorry, my number is actually …").</summary>
    Correction,
}

/// <summary>The reading of one message in the booking dialog's context.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Answer">For a question: the approved answer (or clinician referral) to give.</param>
/// <param name="Phone">For a correction: the new phone number, if one was given.</param>
/// <param name="Email">For a correction: the new e-mail address, if one was given.</param>
/// <param name="Name">For a correction: the new name, if one was given.</param>
public sealed record BookingInterruption(BookingInterruptionKind Kind, AnswerDecision? Answer = null, string? Phone = null, string? Email = null, string? Name = null)
{
    /// <summary>Not an interruption.</summary>
    public static BookingInterruption None { get; } = new(BookingInterruptionKind.None);
}

/// <summary>
/// Classifies a message typed during booking in the dialog's context, with the bot's own decision function rather
/// than word lists: does it look like a cancel, a restart, a request for a person, a question the FAQ answers, or a
/// correction of an earlier answer? Anything else is the answer to the current step.
/// </summary>
public sealed partial class BookingInterruptions(MessageDecider decider, FaqKnowledgeProvider knowledgeProvider)
{
    /// <summary>Reads <paramref name="text"/> at <paramref name="step"/> of <paramref name="draft"/>.</summary>
    public BookingInterruption Classify(string text, BookingStep step, BookingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(text))
        {
            return BookingInterruption.None;
        }

        if (Correction(text, step, draft) is { } correction)
        {
            return correction;
        }

        if (knowledgeProvider.Current is not { } knowledge)
        {
            return BookingInterruption.None;
        }

        // The gate already ran on this message (the turn handler runs it first). If classifying fails, the message is
        // simply the answer to the step: booking must not break because of the classifier.
        AnswerDecision? decision;
        try
        {
            decision = decider.Decide(text, knowledge, staffAudience: false, SafetyAssessment.Safe).Answer;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return BookingInterruption.None;
        }

        return decision switch
        {
            { Kind: AnswerKind.Answer, Entry.Id: "smalltalk/cancel" } => new BookingInterruption(BookingInterruptionKind.Cancel),
            { Kind: AnswerKind.Answer, Entry.Id: "smalltalk/start_over" } => new BookingInterruption(BookingInterruptionKind.StartOver),
            { Kind: AnswerKind.Handoff } => new BookingInterruption(BookingInterruptionKind.Handoff),
            { Kind: AnswerKind.Answer, Entry.Kind: IntentKind.Faq } or { Kind: AnswerKind.ClinicianReferral } when LooksLikeAQuestion(text, step)
                => new BookingInterruption(BookingInterruptionKind.Question, decision),
            _ => BookingInterruption.None,
        };
    }

    /// <summary>
    /// A name, phone number or e-mail given again after its step, or with "actually"/"sorry" at its own step: an update.
    /// At the contact step a plain number is simply the answer.
    /// </summary>
    private static BookingInterruption? Correction(string text, BookingStep step, BookingDraft draft)
    {
        if (step != BookingStep.Contact && (draft.Phone is not null || draft.Email is not null) && text.Length <= 300
            && ContactDetails.TryParse(text, out var phone, out var email))
        {
            return new BookingInterruption(BookingInterruptionKind.Correction, Phone: phone, Email: email);
        }

        if (step != BookingStep.Name && draft.Name is not null && NameCorrection().Match(text) is { Success: true } match)
        {
            var name = match.Groups["name"].Value.Trim().TrimEnd('.', '!');
            if (name.Length is >= 2 and <= 80 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.'))
            {
                return new BookingInterruption(BookingInterruptionKind.Correction, Name: name);
            }
        }

        return null;
    }

    /// <summary>
    /// At steps that take free text (the name) a confident FAQ match must also read as a question, so that a name is
    /// never taken for one; elsewhere the step's own validation has already failed or the match is clear.
    /// </summary>
    private static bool LooksLikeAQuestion(string text, BookingStep step) =>
        step != BookingStep.Name || text.Contains('?', StringComparison.Ordinal) || QuestionStart().IsMatch(text);

    [GeneratedRegex(@"^\s*(sorry|oops|wait|actually|correction|my\s+bad)?[\s,:\-–—]*(actually\s+)?(my\s+name\s+is|my\s+name'?s|it'?s|name\s+is|call\s+me)\s+(actually\s+)?(?<name>[^\d@,;:!?]{2,80})$", RegexOptions.IgnoreCase)]
    private static partial Regex NameCorrection();

    [GeneratedRegex(@"^\s*(hang\s+on|wait|quick\s+question|sorry|um+|oh|btw|by\s+the\s+way)?[\s,:\-–—]*(what|how|when|where|why|who|which|is|are|do|does|did|can|could|will|would|should|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();
}
