using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Safety;

namespace Chatbot.Faq.Answering;

/// <summary>
/// The one function from a message to the bot's decision: safety gate → the bot's own buttons and exact known
/// questions → classifier → <see cref="AnswerPolicy"/> with the audience's entries. The patient's turn, Teams <c>why</c>,
/// <c>chatbot ask</c>, <c>chatbot test</c> and the publish gate's staff tests all call it, so staff preview and gate
/// exactly what patients get.
/// </summary>
/// <remarks>
/// Messages of several sentences are also read sentence by sentence: a question after a paragraph of context, or two
/// questions in one message, is found instead of being averaged into noise (docs/decisions.md, "Message shapes").
/// </remarks>
/// <param name="gate">The safety gate.</param>
/// <param name="policy">The answer policy.</param>
public sealed class MessageDecider(SafetyGate gate, AnswerPolicy policy)
{
    private const int MaxSentences = 6;

    /// <summary>A decider whose gate has its phrase rules only (no learned layer): for tests and tools that must not wait.</summary>
    public static MessageDecider WithRulesOnly(AnswerPolicyOptions? options = null)
    {
        var holder = new SafetyModelHolder();
        holder.Fail(new InvalidOperationException("This decider runs the safety gate's phrase rules only."));
        return new MessageDecider(new SafetyGate(new SafetyRules(), holder), new AnswerPolicy(Microsoft.Extensions.Options.Options.Create(options ?? new AnswerPolicyOptions())));
    }

    /// <summary>A decider with both layers of the gate.</summary>
    public static MessageDecider With(SafetyModel model, AnswerPolicyOptions? options = null)
    {
        var holder = new SafetyModelHolder();
        holder.Set(model);
        return new MessageDecider(new SafetyGate(new SafetyRules(), holder), new AnswerPolicy(Microsoft.Extensions.Options.Options.Create(options ?? new AnswerPolicyOptions())));
    }

    /// <summary>The safety gate (for callers that must run it before anything else, as the patient's turn does).</summary>
    public SafetyGate Gate => gate;

    /// <summary>Decides for <paramref name="text"/>.</summary>
    /// <param name="text">The message as typed.</param>
    /// <param name="knowledge">The published FAQ and model.</param>
    /// <param name="staffAudience">True when staff-only entries may be answered.</param>
    /// <param name="safety">The gate's verdict if the caller already has it.</param>
    public MessageDecision Decide(string text, FaqKnowledge knowledge, bool staffAudience, SafetyAssessment? safety = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        text ??= string.Empty;
        safety ??= gate.Assess(text);
        if (safety.Risk != SafetyRisk.None)
        {
            // A question asked beside a crisis statement still gets its answer, after the crisis message.
            var rest = safety.RemainingText.Length > 0 ? DecideAnswer(safety.RemainingText, knowledge, staffAudience) : null;
            // Only an approved FAQ answer: never small talk ("goodbye") after a crisis message.
            var confident = rest?.Answer is { Kind: AnswerKind.Answer, Entry.Kind: IntentKind.Faq } ? rest : null;
            return new MessageDecision(safety, confident?.Answer, confident?.Prediction, null) { Source = "gate" };
        }

        return DecideAnswer(text, knowledge, staffAudience) with { Safety = safety };
    }

    /// <summary>The decision for an entry chosen by a button or an exact known question, if the text is one.</summary>
    public static AnswerDecision? DecideFixed(string normalized, FaqKnowledge knowledge, bool staffAudience)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (normalized == ExampleText.Normalize(ButtonTitles.Book))
        {
            return knowledge.Find("booking/appointment") is { } booking ? AnswerPolicy.For(booking) : new AnswerDecision(AnswerKind.Booking, null, []);
        }

        if (normalized == ExampleText.Normalize(ButtonTitles.TalkToPerson))
        {
            return knowledge.Find("handoff/human") is { } handoff ? AnswerPolicy.For(handoff) : new AnswerDecision(AnswerKind.Handoff, null, []);
        }

        var exact = knowledge.MatchExact(normalized);
        return exact is not null && (staffAudience || exact.IsPublic) && exact.Kind != IntentKind.OutOfScope ? AnswerPolicy.For(exact) : null;
    }

    private MessageDecision DecideAnswer(string text, FaqKnowledge knowledge, bool staffAudience)
    {
        var normalized = ExampleText.Normalize(text);
        if (DecideFixed(normalized, knowledge, staffAudience) is { } fixedDecision)
        {
            var source = normalized == ExampleText.Normalize(ButtonTitles.Book) || normalized == ExampleText.Normalize(ButtonTitles.TalkToPerson) ? "button" : "exact";
            return new MessageDecision(SafetyAssessment.Safe, fixedDecision, null, knowledge.MatchExact(normalized)) { Source = source };
        }

        var prediction = knowledge.Classifier.Classify(text);
        var whole = policy.Decide(prediction, knowledge, staffAudience);
        var decision = new MessageDecision(SafetyAssessment.Safe, whole, prediction, null);
        var sentences = MessageParts.Split(text);
        if (sentences.Count < 2)
        {
            return decision;
        }

        // Read the last sentences first: the question is usually at the end of a paragraph of context.
        var confident = new List<(AnswerDecision Decision, IntentPrediction Prediction)>();
        foreach (var sentence in sentences.Reverse().Take(MaxSentences))
        {
            var part = knowledge.MatchExact(sentence) is { } exact && (staffAudience || exact.IsPublic) && exact.Kind != IntentKind.OutOfScope
                ? (AnswerPolicy.For(exact), prediction)
                : Classify(sentence, knowledge, staffAudience);
            if (IsConfident(part.Item1) && confident.All(c => c.Decision.Entry?.Id != part.Item1.Entry?.Id))
            {
                confident.Add(part);
            }
        }

        // Small talk ("hi", "thanks") beside a real question is neither the answer nor a second question: a polite
        // opening must not turn an unclear question into a greeting.
        confident = confident.Where(c => !IsSmallTalk(c.Decision)).ToList();

        if (IsConfident(whole) && !IsSmallTalk(whole))
        {
            var second = confident.FirstOrDefault(c => c.Decision.Entry?.Id != whole.Entry?.Id && c.Decision.Kind == AnswerKind.Answer && !IsSmallTalk(c.Decision));
            return decision with { Also = second.Decision };
        }

        if (confident.Count == 0)
        {
            return decision;
        }

        // Keep the order of the message: the sentence that came first is answered first.
        confident.Reverse();
        var primary = confident[0];
        var also = confident.Skip(1).FirstOrDefault(c => c.Decision.Kind == AnswerKind.Answer && primary.Decision.Kind == AnswerKind.Answer);
        return new MessageDecision(SafetyAssessment.Safe, primary.Decision, primary.Prediction, null) { Also = also.Decision, Source = "sentence" };
    }

    private (AnswerDecision, IntentPrediction) Classify(string sentence, FaqKnowledge knowledge, bool staffAudience)
    {
        var prediction = knowledge.Classifier.Classify(sentence);
        return (policy.Decide(prediction, knowledge, staffAudience), prediction);
    }

    private static bool IsConfident(AnswerDecision decision) =>
        decision.Kind is AnswerKind.Answer or AnswerKind.ClinicianReferral or AnswerKind.Booking or AnswerKind.Handoff;

    private static bool IsSmallTalk(AnswerDecision decision) => decision.Entry?.Kind == IntentKind.SmallTalk;
}
