using Chatbot.Faq.Classification;
using Chatbot.Faq.Publishing;

namespace Chatbot.Faq.Tests.Publishing;

public sealed class ThresholdHysteresisTests
{
    private static readonly string[] Labels = ["faq/a", "faq/b", "out_of_scope"];
    private static readonly IntentThresholds Serving = new(0.8f, 0.3f);

    /// <summary>Out-of-fold predictions: (true slot, scores per slot).</summary>
    private static CrossValidationResult Cv(params (int Truth, float[] Scores)[] rows) => new(
        rows.Select(r => new LabeledText("q", Labels[r.Truth])).ToList(), Labels, rows.Select(r => r.Truth).ToArray(), rows.Select(r => r.Scores).ToArray(), 5);

    [Fact]
    public void ThresholdsThatStillMeetTheTargetsAreKept()
    {
        var cv = Cv((0, [0.9f, 0.05f, 0.05f]), (1, [0.05f, 0.9f, 0.05f]), (0, [0.5f, 0.45f, 0.05f]), (2, [0.1f, 0.1f, 0.8f]));

        var (report, kept) = ThresholdHysteresis.Choose(cv, new ThresholdRule(), Serving);

        Assert.True(kept);
        Assert.Equal(Serving, report.Thresholds);
    }

    [Fact]
    public void ThresholdsThatNoLongerMeetTheAnswerPrecisionAreRechosen()
    {
        // Two confident mistakes at 0.85: answering at 0.8 is right only half of the time.
        var cv = Cv((0, [0.9f, 0.05f, 0.05f]), (1, [0.05f, 0.95f, 0.0f]), (0, [0.05f, 0.85f, 0.1f]), (1, [0.85f, 0.1f, 0.05f]));

        var (report, kept) = ThresholdHysteresis.Choose(cv, new ThresholdRule(), Serving);

        Assert.False(kept);
        Assert.NotEqual(Serving, report.Thresholds);
        Assert.False(ThresholdHysteresis.StillMeetsTargets(cv, Serving, new ThresholdRule()));
    }

    [Theory]
    [InlineData(200, true)]     // precision 0.965, one standard error 0.013: indistinguishable from 0.97
    [InlineData(20_000, false)] // precision 0.965, one standard error 0.0013: really below the target
    public void AMissWithinOneStandardErrorOfTheTargetKeepsTheThresholds(int answered, bool kept)
    {
        var wrong = (int)Math.Round(answered * 0.035);
        var rows = Enumerable.Range(0, answered)
            .Select(i => i < wrong ? (1, new[] { 0.9f, 0.05f, 0.05f }) : (0, new[] { 0.9f, 0.05f, 0.05f }))
            .ToArray();

        Assert.Equal(kept, ThresholdHysteresis.StillMeetsTargets(Cv(rows), Serving, new ThresholdRule()));
    }

    [Fact]
    public void ADidYouMeanBandThatOffersTheWrongIntentsIsNotKept()
    {
        // In the 0.3-0.8 band the right intent is third: "did you mean a or b?" for a question about neither.
        var cv = Cv((0, [0.9f, 0.05f, 0.05f]), (2, [0.5f, 0.4f, 0.1f]), (2, [0.45f, 0.4f, 0.15f]));

        Assert.False(ThresholdHysteresis.StillMeetsTargets(cv, Serving, new ThresholdRule()));
    }

    [Fact]
    public void WithNothingServingTheThresholdsAreChosenAsBefore()
    {
        var cv = Cv((0, [0.9f, 0.05f, 0.05f]), (1, [0.05f, 0.9f, 0.05f]));

        var (report, kept) = ThresholdHysteresis.Choose(cv, new ThresholdRule(), previous: null);

        Assert.False(kept);
        Assert.Equal(ThresholdSelector.Choose(cv, new ThresholdRule()).Thresholds, report.Thresholds);
    }
}
