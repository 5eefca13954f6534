using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// Runs the staff test conversations through <see cref="MessageDecider"/>, the same function the patient's turn uses
/// (safety gate, exact matches, classifier, answer policy, audience), so the publish gate measures what patients get.
/// </summary>
public static class StaffTestRunner
{
    /// <summary>Decides every test; staff-only expectations are asked as staff, the rest as the public.</summary>
    public static StaffTestRun Run(MessageDecider decider, FaqCatalog catalog, IIntentClassifier classifier, IReadOnlyList<TestConversation> tests, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(tests);
        var knowledge = new FaqKnowledge(catalog, classifier, "staff-tests");
        var got = new string[tests.Count];
        var passed = new bool[tests.Count];
        for (var i = 0; i < tests.Count; i++)
        {
            var decision = decider.Decide(tests[i].Text, knowledge, StaffAudienceFor(tests[i], catalog));
            got[i] = decision.Outcome;
            passed[i] = Passes(tests[i], decision, strict);
        }

        return new StaffTestRun(tests, got, passed);
    }

    /// <summary>True when a test expecting a staff-only entry: it is asked as staff would ask it in Teams.</summary>
    public static bool StaffAudienceFor(TestConversation test, FaqCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Find(test.Intent) is { IsPublic: false };
    }

    /// <summary>
    /// An out-of-scope test passes on an honest fallback; any other passes when the bot answers (or refers, books,
    /// hands off) with the expected entry, or — unless <paramref name="strict"/> — asks "Did you mean" with it first.
    /// A safety-gate reply never passes a test that expects an answer.
    /// </summary>
    public static bool Passes(TestConversation test, MessageDecision decision, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Safety.Risk != Safety.SafetyRisk.None)
        {
            return false;
        }

        var answer = decision.Answer ?? AnswerDecision.Fallback;
        if (test.Intent == FaqEntry.OutOfScopeId)
        {
            return answer.Kind == AnswerKind.Fallback;
        }

        return answer.Kind switch
        {
            AnswerKind.Fallback => false,
            AnswerKind.Clarify => !strict && answer.Candidates.FirstOrDefault()?.Id == test.Intent,
            _ => answer.Entry?.Id == test.Intent,
        };
    }
}
