namespace Chatbot.Faq.Safety;

/// <summary>What the safety gate found in a message.</summary>
public enum SafetyRisk
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>A medical emergency (→ 911).</summary>
    MedicalEmergency,

    /// <summary>A poisoning or an overdose (→ 911 and Poison Control).</summary>
    Poisoning,

    /// <summary>Suicidal thoughts, self-harm, or someone else at risk of suicide (→ 988 and 911).</summary>
    Crisis,
}

/// <summary>Which part of the gate fired.</summary>
public enum SafetyLayer
{
    /// <summary>Nothing fired.</summary>
    None,

    /// <summary>A phrase rule (exact, reviewable).</summary>
    Rule,

    /// <summary>The learned classifier over sentence vectors and n-grams.</summary>
    Model,

    /// <summary>The gate itself failed, so it answered as if it had fired (fail closed).</summary>
    FailSafe,
}

/// <summary>The gate's verdict on one message.</summary>
/// <param name="Risk">The most serious risk found.</param>
/// <param name="Rule">The rule or model label that fired (for staff and metrics; never the text).</param>
public sealed record SafetyAssessment(SafetyRisk Risk, string? Rule)
{
    /// <summary>Nothing found.</summary>
    public static SafetyAssessment Safe { get; } = new(SafetyRisk.None, null);

    /// <summary>Which layer fired.</summary>
    public SafetyLayer Layer { get; init; } = SafetyLayer.None;

    /// <summary>The learned layer's probability that the most risky part of the message is not safe (0 when not run).</summary>
    public float ModelScore { get; init; }

    /// <summary>True when the message is in Spanish: the reply is then in Spanish too.</summary>
    public bool Spanish { get; init; }

    /// <summary>
    /// Also poisoning or overdose language (a crisis message about pills, say): the reply adds Poison Control.
    /// </summary>
    public bool MentionsPoisoning { get; init; }

    /// <summary>
    /// The parts (sentences) of the message in which nothing fired, joined, so a question asked beside a crisis
    /// statement can still be answered after the crisis message. Empty when every part fired or the message was one part.
    /// </summary>
    public string RemainingText { get; init; } = string.Empty;

    /// <summary>
    /// True when a phrase rule fired, or the learned layer with at least <see cref="SafetyModel.ConfidentThreshold"/>:
    /// the bot then also starts a hand-off. A less certain firing of the learned layer still sends the crisis message.
    /// </summary>
    public bool Confident => Layer is SafetyLayer.Rule or SafetyLayer.FailSafe || ModelScore >= SafetyModel.ConfidentThreshold;

    /// <summary>True when the learned layer could not run (encoder overloaded or failed) and its fast stage decided.</summary>
    public bool Degraded { get; init; }
}
