namespace Chatbot.Benchmarks.Clinc150;

/// <summary>How the out-of-scope probability threshold is chosen on val + oos_val.</summary>
internal static class ThresholdRules
{
    /// <summary>The names the benchmark reports.</summary>
    public static readonly string[] Names = ["argmax", "paper", "balanced", "oos60", "oos90"];

    /// <summary>
    /// argmax: no threshold (t = 0). paper: Larson et al.'s rule, maximise 151-way accuracy on val + oos_val.
    /// balanced: maximise the mean of val in-scope accuracy and val OOS recall.
    /// oos60: the highest val in-scope accuracy among thresholds with val OOS recall ≥ 0.65 (a margin over the 60 % target).
    /// oos90: the same with val OOS recall ≥ 0.90. Val's 100 OOS queries are easier than test's for the sentence-vector
    /// model (the team's sentence-encoder study: 65 % on val gave 46–49 % on test), so the 75 % test target needs a
    /// larger margin on val; the rule still sees only val.
    /// </summary>
    public static float Choose(string rule, IReadOnlyList<Outcome> val)
    {
        if (rule == "argmax")
        {
            return 0f;
        }

        var bestT = 0f;
        var bestValue = double.NegativeInfinity;
        for (var g = 0; g <= 99; g++)
        {
            var t = g / 100f;
            var m = Measure(val, t);
            var value = rule switch
            {
                "paper" => m.OverallAccuracy,
                "balanced" => (m.InScopeAccuracy + m.OosRecall) / 2,
                "oos60" => m.OosRecall >= 0.65 ? m.InScopeAccuracy : double.NegativeInfinity,
                "oos90" => m.OosRecall >= 0.90 ? m.InScopeAccuracy : double.NegativeInfinity,
                _ => throw new ArgumentException($"unknown rule {rule}", nameof(rule)),
            };
            if (value > bestValue)
            {
                bestValue = value;
                bestT = t;
            }
        }

        return bestT;
    }

    public static Metrics Measure(IReadOnlyList<Outcome> outcomes, float threshold)
    {
        int inScope = 0, inScopeRight = 0, oos = 0, oosRejected = 0, rejected = 0;
        foreach (var o in outcomes)
        {
            var isRejected = o.PredictedOos || o.Score < threshold;
            rejected += isRejected ? 1 : 0;
            if (o.TrueOos)
            {
                oos++;
                oosRejected += isRejected ? 1 : 0;
            }
            else
            {
                inScope++;
                inScopeRight += !isRejected && o.Correct ? 1 : 0;
            }
        }

        return new Metrics(
            Div(inScopeRight, inScope), Div(oosRejected, oos), Div(oosRejected, rejected),
            Div(inScopeRight + oosRejected, inScope + oos));
    }

    private static double Div(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>One scored query: was the best in-scope intent right, was OOS predicted, and the best probability.</summary>
internal readonly record struct Outcome(bool TrueOos, bool Correct, bool PredictedOos, float Score);

internal readonly record struct Metrics(double InScopeAccuracy, double OosRecall, double OosPrecision, double OverallAccuracy);
