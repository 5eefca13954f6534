namespace Chatbot.Faq.Classification;

/// <summary>Chooses the answer and clarify thresholds on out-of-fold predictions.</summary>
/// <remarks>
/// <para>
/// The rule, on a 0.01 grid from 0.05 to 0.99, using only predictions made by models that did not see the example:
/// </para>
/// <list type="number">
/// <item><description>
/// <b>Answer</b> = the lowest threshold <c>t</c> at which the <i>answered in-scope predictions</i> (best intent is not
/// <c>out_of_scope</c> and its probability ≥ <c>t</c>) are right at least <see cref="ThresholdRule.AnswerPrecision"/>
/// of the time. A true <c>out_of_scope</c> example that would be answered counts as wrong. Clamped to at least
/// <see cref="ThresholdRule.AnswerFloor"/>; when no grid point reaches the target, <see cref="ThresholdRule.AnswerCeiling"/>
/// is used (answer only when very sure) and the report says the target was not met.
/// </description></item>
/// <item><description>
/// <b>Clarify</b> = the lowest <c>t</c> ≤ Answer at which the "Did you mean…?" band is still useful. The band is the
/// predictions whose best intent is not <c>out_of_scope</c> and whose probability is in [t, Answer); it is useful when
/// the right intent is one of the two offered at least <see cref="ThresholdRule.ClarifyTopTwoRate"/> of the time (an
/// empty band counts as useful; a true <c>out_of_scope</c> question in the band counts as a miss). Clamped to at least
/// <see cref="ThresholdRule.ClarifyFloor"/> and at most Answer.
/// </description></item>
/// </list>
/// <para>
/// Why: for a clinic a wrong answer is worse than a question back or a fallback, so the answer band is chosen for
/// precision, and "did you mean" only where the offered choices are usually right. The floors stop a few lucky
/// held-out predictions from pushing the thresholds down to meaningless probabilities.
/// </para>
/// </remarks>
public static class ThresholdSelector
{
    private const int GridLow = 5;
    private const int GridHigh = 99;

    /// <summary>Applies the rule to <paramref name="cv"/>.</summary>
    /// <returns>The thresholds and whether the answer-precision target was met.</returns>
    public static (IntentThresholds Thresholds, bool AnswerTargetMet) Choose(CrossValidationResult cv, ThresholdRule rule)
    {
        ArgumentNullException.ThrowIfNull(cv);
        ArgumentNullException.ThrowIfNull(rule);
        var n = cv.Scores.Count;
        var best = new (int Index, float Score)[n];
        for (var i = 0; i < n; i++)
        {
            best[i] = cv.Best(i);
        }

        float? answer = null;
        for (var g = GridLow; g <= GridHigh && answer is null; g++)
        {
            var t = g / 100f;
            int answered = 0, right = 0;
            for (var i = 0; i < n; i++)
            {
                if (best[i].Index != cv.OutOfScopeIndex && best[i].Score >= t)
                {
                    answered++;
                    right += best[i].Index == cv.Truth[i] ? 1 : 0;
                }
            }

            if (answered > 0 && (double)right / answered >= rule.AnswerPrecision)
            {
                answer = t;
            }
        }

        var answerThreshold = answer is { } a ? Math.Max(a, rule.AnswerFloor) : rule.AnswerCeiling;
        var clarify = answerThreshold;
        for (var g = (int)MathF.Round(answerThreshold * 100) - 1; g >= GridLow; g--)
        {
            var t = g / 100f;
            int band = 0, hits = 0;
            for (var i = 0; i < n; i++)
            {
                if (best[i].Index != cv.OutOfScopeIndex && best[i].Score >= t && best[i].Score < answerThreshold)
                {
                    band++;
                    hits += cv.Truth[i] != cv.OutOfScopeIndex && cv.TruthInTopTwo(i) ? 1 : 0;
                }
            }

            if (band == 0 || (double)hits / band >= rule.ClarifyTopTwoRate)
            {
                clarify = t; // Keep scanning: a lower t may still meet the target once the band is larger.
            }
        }

        clarify = Math.Min(answerThreshold, Math.Max(clarify, rule.ClarifyFloor));
        return (new IntentThresholds(answerThreshold, clarify), answer is not null);
    }
}
