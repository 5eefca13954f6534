namespace Chatbot.Faq.Classification;

/// <summary>Computes an <see cref="EvaluationReport"/> from out-of-fold predictions.</summary>
internal static class EvaluationMetrics
{
    public static EvaluationReport Compute(CrossValidationResult cv, IntentThresholds thresholds, bool answerTargetMet, IntentThresholds? fastThresholds = null)
    {
        var k = cv.Labels.Count;
        var n = cv.Scores.Count;
        var confusion = new int[k][];
        for (var i = 0; i < k; i++)
        {
            confusion[i] = new int[k];
        }

        int correct = 0, answered = 0, answeredRight = 0, inScope = 0, inScopeAnswered = 0, inScopeClarify = 0, inScopeFallback = 0;
        int oosTrue = 0, oosPredicted = 0, oosBoth = 0;
        var misclassified = new List<MisclassifiedExample>();
        for (var i = 0; i < n; i++)
        {
            var truth = cv.Truth[i];
            var (best, score) = cv.Best(i);
            confusion[truth][best]++;
            if (best == truth)
            {
                correct++;
            }
            else
            {
                misclassified.Add(new MisclassifiedExample(cv.Examples[i].Text, cv.Labels[truth], cv.Labels[best], score));
            }

            var rejected = best == cv.OutOfScopeIndex || score < thresholds.Clarify;
            var isAnswered = !rejected && score >= thresholds.Answer;
            var isOos = truth == cv.OutOfScopeIndex;
            answered += isAnswered ? 1 : 0;
            answeredRight += isAnswered && best == truth ? 1 : 0;
            oosTrue += isOos ? 1 : 0;
            oosPredicted += rejected ? 1 : 0;
            oosBoth += isOos && rejected ? 1 : 0;
            if (!isOos)
            {
                inScope++;
                inScopeAnswered += isAnswered ? 1 : 0;
                inScopeClarify += !rejected && !isAnswered ? 1 : 0;
                inScopeFallback += rejected ? 1 : 0;
            }
        }

        var perIntent = Enumerable.Range(0, k).Select(c => PerIntent(cv.Labels[c], c, confusion)).ToList();
        var pairs = new List<ConfusedPair>();
        for (var a = 0; a < k; a++)
        {
            for (var p = 0; p < k; p++)
            {
                if (a != p && confusion[a][p] > 0)
                {
                    pairs.Add(new ConfusedPair(cv.Labels[a], cv.Labels[p], confusion[a][p]));
                }
            }
        }

        return new EvaluationReport
        {
            Examples = n,
            Folds = cv.Folds,
            Accuracy = Ratio(correct, n),
            MacroF1 = perIntent.Count == 0 ? 0 : perIntent.Average(m => m.F1),
            OutOfScopeRecall = oosTrue == 0 ? null : Ratio(oosBoth, oosTrue),
            OutOfScopePrecision = oosPredicted == 0 || cv.OutOfScopeIndex < 0 ? null : Ratio(oosBoth, oosPredicted),
            AnsweredPrecision = Ratio(answeredRight, answered),
            AnsweredCoverage = Ratio(inScopeAnswered, inScope),
            ClarifyRate = Ratio(inScopeClarify, inScope),
            FallbackRate = Ratio(inScopeFallback, inScope),
            Thresholds = thresholds,
            AnswerTargetMet = answerTargetMet,
            PerIntent = perIntent.OrderBy(m => m.F1).ThenBy(m => m.Intent, StringComparer.Ordinal).ToList(),
            ConfusedPairs = pairs.OrderByDescending(p => p.Count).ThenBy(p => p.Actual, StringComparer.Ordinal).ToList(),
            Misclassified = misclassified.OrderByDescending(m => m.Score).ToList(),
            Labels = cv.Labels,
            ConfusionMatrix = confusion,
        }.WithCascade(cv, thresholds, fastThresholds);
    }

    /// <summary>Adds what the two-stage classifier does on the same folds: the fast stage where it is confident, else the full model.</summary>
    private static EvaluationReport WithCascade(this EvaluationReport report, CrossValidationResult cv, IntentThresholds thresholds, IntentThresholds? fastThresholds)
    {
        if (fastThresholds is null || cv.FastScores is null)
        {
            return report;
        }

        int fast = 0, answered = 0, answeredRight = 0, inScope = 0, inScopeAnswered = 0;
        for (var i = 0; i < cv.Scores.Count; i++)
        {
            var (fastBest, fastScore) = ScoreMath.Best(cv.FastScores[i]);
            var useFast = fastBest != cv.OutOfScopeIndex && fastScore >= fastThresholds.Answer;
            var (best, score) = useFast ? (fastBest, fastScore) : cv.Best(i);
            var isAnswered = useFast || (best != cv.OutOfScopeIndex && score >= thresholds.Answer);
            fast += useFast ? 1 : 0;
            answered += isAnswered ? 1 : 0;
            answeredRight += isAnswered && best == cv.Truth[i] ? 1 : 0;
            if (cv.Truth[i] != cv.OutOfScopeIndex)
            {
                inScope++;
                inScopeAnswered += isAnswered ? 1 : 0;
            }
        }

        return report with
        {
            FastThresholds = fastThresholds,
            FastStageShare = Ratio(fast, cv.Scores.Count),
            CascadeAnsweredPrecision = Ratio(answeredRight, answered),
            CascadeAnsweredCoverage = Ratio(inScopeAnswered, inScope),
        };
    }

    private static IntentMetrics PerIntent(string label, int c, int[][] confusion)
    {
        var support = confusion[c].Sum();
        var predicted = confusion.Sum(row => row[c]);
        var tp = confusion[c][c];
        var precision = Ratio(tp, predicted);
        var recall = Ratio(tp, support);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new IntentMetrics(label, support, precision, recall, f1);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}
