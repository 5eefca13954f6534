using Chatbot.Faq.Answering;
using Chatbot.Patients;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Safety;

namespace Chatbot.Staff.Teams;

/// <summary>How the bot would treat a question (the <c>why</c> command): nothing is sent to anyone or stored.</summary>
/// <param name="Question">The question as staff typed it.</param>
/// <param name="Safety">What the safety gate found.</param>
/// <param name="Prediction">The classifier's top three.</param>
/// <param name="ExactMatch">The entry whose approved question or button title the text is, if any (the model is then skipped).</param>
/// <param name="Patient">What a patient on a public channel would get (null when the safety gate fires).</param>
/// <param name="Staff">What staff in Teams would get (null when the safety gate fires).</param>
/// <param name="MinimumMargin">The answer policy's required lead of the best intent over the second.</param>
public sealed record WhyReport(
    string Question,
    SafetyAssessment Safety,
    IntentPrediction Prediction,
    FaqEntry? ExactMatch,
    AnswerDecision? Patient,
    AnswerDecision? Staff,
    double MinimumMargin);
