namespace Chatbot.Safety;

/// <summary>What the safety gate found in a message.</summary>
public enum SafetyRisk
{
    /// <summary>Nothing that needs the crisis or emergency response.</summary>
    None,

    /// <summary>Medical emergency language (overdose, can't breathe, chest pain, unresponsive): 911.</summary>
    MedicalEmergency,

    /// <summary>Suicidal or self-harm language: 988 and 911. Takes precedence over an emergency.</summary>
    Crisis,
}

/// <summary>The gate's verdict and the rule that fired (for tests and staff review; never the patient's text).</summary>
/// <param name="Risk">The risk found.</param>
/// <param name="Rule">Name of the rule that matched, or null.</param>
public sealed record SafetyAssessment(SafetyRisk Risk, string? Rule)
{
    /// <summary>No risk found.</summary>
    public static SafetyAssessment Safe { get; } = new(SafetyRisk.None, null);
}
