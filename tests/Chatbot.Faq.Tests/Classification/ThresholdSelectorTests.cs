using Chatbot.Faq.Classification;

namespace Chatbot.Faq.Tests.Classification;

public sealed class ThresholdSelectorTests
{
    private static readonly string[] Labels = ["faq/a", "faq/b", "out_of_scope"];

    /// <summary>Builds out-of-fold results from (truth, scores) rows.</summary>
    private static CrossValidationResult Cv(params (int Truth, float[] Scores)[] rows) => new(
        rows.Select(r => new LabeledText("x", Labels[r.Truth])).ToList(), Labels, rows.Select(r => r.Truth).ToArray(),
        rows.Select(r => r.Scores).ToArray(), folds: 5);

    [Fact]
    public void AnswerIsTheLowestThresholdMeetingThePrecisionTarget()
    {
        // Right answers at 0.9 and 0.8; a wrong one at 0.7: answering from 0.71 up is 100 % precise.
        var cv = Cv(
            (0, [0.9f, 0.05f, 0.05f]),
            (1, [0.1f, 0.8f, 0.1f]),
            (0, [0.1f, 0.7f, 0.2f]));

        var (thresholds, met) = ThresholdSelector.Choose(cv, new ThresholdRule { AnswerFloor = 0.1f, ClarifyFloor = 0.1f });

        Assert.True(met);
        Assert.Equal(0.71f, thresholds.Answer, 3);
    }

    [Fact]
    public void FloorsApplyAndCeilingIsUsedWhenTargetIsNeverMet()
    {
        var easy = Cv((0, [0.3f, 0.2f, 0.5f]), (0, [0.35f, 0.3f, 0.35f]), (1, [0.2f, 0.6f, 0.2f]));
        var hopeless = Cv((0, [0.05f, 0.9f, 0.05f]), (1, [0.9f, 0.05f, 0.05f]));

        var (easyThresholds, _) = ThresholdSelector.Choose(easy, new ThresholdRule());
        var (hopelessThresholds, met) = ThresholdSelector.Choose(hopeless, new ThresholdRule());

        Assert.True(easyThresholds.Answer >= 0.5f);
        Assert.True(easyThresholds.Clarify >= 0.2f && easyThresholds.Clarify <= easyThresholds.Answer);
        Assert.False(met);
        Assert.Equal(0.9f, hopelessThresholds.Answer, 3);
    }

    [Fact]
    public void ClarifyIsTheLowestThresholdWhereTheTopTwoStillHoldTheRightIntent()
    {
        // Confident and right: answer threshold lands at the floor 0.5.
        // Band 0.4-0.5: truth in top two. At 0.3: an out-of-scope question would be offered choices -> rate drops.
        var cv = Cv(
            (0, [0.95f, 0.03f, 0.02f]),
            (1, [0.02f, 0.96f, 0.02f]),
            (0, [0.30f, 0.45f, 0.25f]),
            (2, [0.34f, 0.33f, 0.33f]));

        var (thresholds, _) = ThresholdSelector.Choose(cv, new ThresholdRule { ClarifyFloor = 0.05f });

        Assert.Equal(0.5f, thresholds.Answer, 3);
        Assert.Equal(0.35f, thresholds.Clarify, 3);
    }
}
