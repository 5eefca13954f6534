namespace Chatbot.Faq.Safety;

/// <summary>
/// The crisis gate: runs before anything else on every message, in every dialog state, on the whole message as typed
/// and on anything typed into a card. It fires when either layer fires: the phrase rules (<see cref="SafetyRules"/>)
/// on the whole text, or the learned layer (<see cref="SafetyModel"/>) on any sentence of it.
/// </summary>
/// <remarks>
/// A false alarm costs a patient one extra message; a miss can cost a life, so both layers lean towards recall. The
/// gate never throws: if it fails it answers as if it had fired (fail closed).
/// </remarks>
/// <param name="rules">The phrase rules.</param>
/// <param name="model">The learned layer, once loaded.</param>
/// <param name="modelWait">
/// How long a message waits for the learned layer while it is still loading (default 5 s); batch callers such as the
/// publish gate pass zero and run on the rules until it is there.
/// </param>
public sealed class SafetyGate(SafetyRules rules, SafetyModelHolder model, TimeSpan? modelWait = null)
{
    private readonly TimeSpan _modelWait = modelWait ?? TimeSpan.FromSeconds(5);

    /// <summary>The same gate with another wait for the learned layer.</summary>
    public SafetyGate WithModelWait(TimeSpan wait) => new(rules, model, wait);

    /// <summary>Assesses one message: the typed text and, separately, the strings typed into a card.</summary>
    public SafetyAssessment Assess(string? text, string? cardValues = null)
    {
        try
        {
            var typed = Assess(text ?? string.Empty);
            if (typed.Risk != SafetyRisk.None || string.IsNullOrWhiteSpace(cardValues))
            {
                return typed;
            }

            return Assess(cardValues) with { RemainingText = string.Empty };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new SafetyAssessment(SafetyRisk.Crisis, "gate-error") { Layer = SafetyLayer.FailSafe, Spanish = SafeIsSpanish(text) };
        }
    }

    private SafetyAssessment Assess(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyAssessment.Safe;
        }

        var spanish = MessageLanguage.IsSpanish(text);
        var whole = rules.Assess(text);
        var parts = MessageParts.Split(text);
        var learned = model.Wait(_modelWait);

        var worst = whole;
        var degraded = learned is null;
        var bestModelScore = 0f;
        var remaining = new List<string>();
        foreach (var part in parts)
        {
            var byRule = parts.Count == 1 ? whole : rules.Assess(part);
            var score = learned?.Score(part);
            degraded |= score?.Degraded ?? false;
            bestModelScore = Math.Max(bestModelScore, score?.Probability ?? 0f);
            if (byRule.Risk != SafetyRisk.None)
            {
                worst = MoreSerious(worst, byRule);
            }
            else
            {
                if (score is { Fires: true } fired)
                {
                    worst = MoreSerious(worst, new SafetyAssessment(fired.Risk, "model:" + fired.Risk) { Layer = SafetyLayer.Model });
                }

                // A part only the learned layer flagged is still answered after the crisis message: when it is a false
                // alarm the patient gets both the help lines and the answer to their question.
                remaining.Add(part);
            }
        }

        if (worst.Risk == SafetyRisk.None)
        {
            return SafetyAssessment.Safe with { ModelScore = bestModelScore, Degraded = degraded };
        }

        return worst with
        {
            Spanish = spanish,
            ModelScore = bestModelScore,
            Degraded = degraded,
            MentionsPoisoning = worst.MentionsPoisoning || whole.MentionsPoisoning || worst.Risk == SafetyRisk.Poisoning,
            RemainingText = whole.Risk != SafetyRisk.None && remaining.Count == parts.Count ? string.Empty : string.Join(" ", remaining),
        };
    }

    private static SafetyAssessment MoreSerious(SafetyAssessment a, SafetyAssessment b)
    {
        var poisoning = a.MentionsPoisoning || b.MentionsPoisoning || a.Risk == SafetyRisk.Poisoning || b.Risk == SafetyRisk.Poisoning;
        var worse = b.Risk > a.Risk ? b : a;
        return worse with { MentionsPoisoning = poisoning };
    }

    private static bool SafeIsSpanish(string? text)
    {
        try
        {
            return MessageLanguage.IsSpanish(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }
}
