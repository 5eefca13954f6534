using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Patients;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;
using Moq;

namespace Chatbot.Tests.Conversation;

public sealed class AnswerPolicyTests
{
    private static readonly IntentThresholds Thresholds = new(Answer: 0.5f, Clarify: 0.2f);
    private readonly AnswerPolicy _policy = new(Options.Create(new AnswerPolicyOptions { MinimumMargin = 0.15 }));
    private readonly FaqKnowledge _knowledge = new(
        new FaqCatalog([
            Entry("faq/infusion_duration"),
            Entry("faq/treatment_protocol"),
            Entry("faq/depression"),
            Entry("clinician/dosing"),
            Entry("booking/appointment"),
            Entry("staff/release_handoff", Audience.Staff),
            Entry("out_of_scope"),
        ]),
        Mock.Of<IIntentClassifier>(),
        "v1");

    [Fact]
    public void AConfidentClearPredictionIsAnswered()
    {
        var decision = Decide(("faq/infusion_duration", 0.9f), ("faq/treatment_protocol", 0.05f));
        Assert.Equal(AnswerKind.Answer, decision.Kind);
        Assert.Equal("faq/infusion_duration", decision.Entry!.Id);
    }

    [Fact]
    public void ACloseCallAsksDidYouMean()
    {
        var decision = Decide(("faq/infusion_duration", 0.55f), ("faq/treatment_protocol", 0.45f));
        Assert.Equal(AnswerKind.Clarify, decision.Kind);
        Assert.Equal(["faq/infusion_duration", "faq/treatment_protocol"], decision.Candidates.Select(c => c.Id));
    }

    [Fact]
    public void AMiddlingScoreAsksDidYouMean() =>
        Assert.Equal(AnswerKind.Clarify, Decide(("faq/depression", 0.35f), ("faq/infusion_duration", 0.1f)).Kind);

    [Fact]
    public void ALowScoreFallsBack() =>
        Assert.Equal(AnswerKind.Fallback, Decide(("faq/depression", 0.15f), ("faq/infusion_duration", 0.1f)).Kind);

    [Fact]
    public void OutOfScopeFallsBackEvenWhenConfident() =>
        Assert.Equal(AnswerKind.Fallback, Decide(("out_of_scope", 0.95f), ("faq/depression", 0.01f)).Kind);

    [Theory]
    [InlineData(0.95f)]
    [InlineData(0.3f)]
    [InlineData(0.05f)]
    public void ClinicianQuestionsAreReferredWhateverTheConfidence(float score) =>
        Assert.Equal(AnswerKind.ClinicianReferral, Decide(("clinician/dosing", score), ("faq/infusion_duration", score / 2)).Kind);

    [Fact]
    public void AClinicianRunnerUpWinsOverAnUnsureAnswer() =>
        Assert.Equal(AnswerKind.ClinicianReferral, Decide(("faq/depression", 0.45f), ("clinician/dosing", 0.4f)).Kind);

    [Fact]
    public void StaffOnlyContentIsNeverGivenOnPublicChannels()
    {
        Assert.Equal(AnswerKind.Fallback, Decide(("staff/release_handoff", 0.99f)).Kind);
        Assert.Equal(AnswerKind.Answer, Decide(staff: true, ("staff/release_handoff", 0.99f)).Kind);
    }

    [Fact]
    public void StaffOnlyContentIsNeverOfferedAsACandidate()
    {
        var decision = Decide(("faq/depression", 0.4f), ("staff/release_handoff", 0.38f));
        Assert.DoesNotContain(decision.Candidates, c => c.Id.StartsWith("staff/", StringComparison.Ordinal));
    }

    [Fact]
    public void BookingIntentStartsBooking() =>
        Assert.Equal(AnswerKind.Booking, Decide(("booking/appointment", 0.8f)).Kind);

    [Fact]
    public void AnEmptyPredictionFallsBack() =>
        Assert.Equal(AnswerKind.Fallback, _policy.Decide(new IntentPrediction([], true, Thresholds, "v1"), _knowledge, staffAudience: false).Kind);

    private AnswerDecision Decide(params (string Intent, float Score)[] top) => Decide(false, top);

    private AnswerDecision Decide(bool staff, params (string Intent, float Score)[] top)
    {
        var scores = top.Select(t => new IntentScore(t.Intent, t.Score)).ToList();
        var prediction = new IntentPrediction(scores, scores[0].Intent == "out_of_scope" || scores[0].Score < Thresholds.Clarify, Thresholds, "v1");
        return _policy.Decide(prediction, _knowledge, staff);
    }

    private static FaqEntry Entry(string id, Audience audience = Audience.Patient) =>
        new(id, "Title of " + id, audience, ["example for " + id], "Answer of " + id, [], "source", "owner",
            new DateOnly(2026, 11, 24), null, "topic", "file.json", 1);
}
