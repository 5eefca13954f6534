using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>Runs the staff test conversations (<c>faq-data/tests/test-conversations.json</c>) against a classifier.</summary>
/// <remarks>
/// The rule is the one of <c>chatbot test</c>: an <c>out_of_scope</c> test passes when the bot falls back; any other test
/// passes when the best intent is the expected one and the bot does not fall back ("did you mean" counts as a pass).
/// </remarks>
public static class StaffTestRunner
{
    /// <summary>Runs every test.</summary>
    public static StaffTestRun Run(IIntentClassifier classifier, IReadOnlyList<TestConversation> tests)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(tests);
        var got = new string[tests.Count];
        var passed = new bool[tests.Count];
        for (var i = 0; i < tests.Count; i++)
        {
            var prediction = classifier.Classify(tests[i].Text);
            var decision = IntentDecisions.Decide(prediction);
            got[i] = decision == IntentDecision.Fallback ? FaqEntry.OutOfScopeId : prediction.Best.Intent;
            passed[i] = Passes(tests[i], prediction, decision);
        }

        return new StaffTestRun(tests, got, passed);
    }

    /// <summary>True when the bot's decision satisfies the test.</summary>
    public static bool Passes(TestConversation test, IntentPrediction prediction, IntentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(prediction);
        return test.Intent == FaqEntry.OutOfScopeId
            ? decision == IntentDecision.Fallback
            : prediction.Best.Intent == test.Intent && decision != IntentDecision.Fallback;
    }
}
