using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Safety;

namespace Chatbot.Faq.Answering;

/// <summary>What the bot does with one message: the safety gate's verdict, then the answer decision (if any).</summary>
/// <param name="Safety">The gate's verdict. When it fired, the crisis or emergency reply comes first.</param>
/// <param name="Answer">
/// The answer decision: null only when the gate fired and nothing else in the message could be answered.
/// </param>
/// <param name="Prediction">The classifier's view of the message (null for button clicks and exact matches).</param>
/// <param name="ExactMatch">The entry whose title or example the message matched exactly, if any.</param>
public sealed record MessageDecision(SafetyAssessment Safety, AnswerDecision? Answer, IntentPrediction? Prediction, FaqEntry? ExactMatch)
{
    /// <summary>A second question in the same message, answered after the first (null when there is none).</summary>
    public AnswerDecision? Also { get; init; }

    /// <summary>How the decision was reached: gate, button, exact, model, or sentence (one sentence of a longer message).</summary>
    public string Source { get; init; } = "model";

    /// <summary>The intent the decision answers with, or out_of_scope for a fallback, or safety:&lt;risk&gt; when the gate fired.</summary>
    public string Outcome => Safety.Risk != SafetyRisk.None && Answer is null
        ? "safety:" + Safety.Risk
        : Answer is null || Answer.Kind == AnswerKind.Fallback ? FaqEntry.OutOfScopeId
        : Answer.Kind == AnswerKind.Clarify ? "clarify:" + (Answer.Candidates.FirstOrDefault()?.Id ?? FaqEntry.OutOfScopeId)
        : Answer.Entry?.Id ?? Answer.Kind.ToString();
}
