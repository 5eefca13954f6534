using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Chatbot.Faq.Classification;

/// <summary>Targets and floors for choosing <see cref="IntentThresholds"/> on held-out (out-of-fold) predictions.</summary>
/// <remarks>See <see cref="ThresholdSelector"/> for the rule.</remarks>
public sealed class ThresholdRule
{
    /// <summary>Answer only where this share of the answered in-scope predictions were right on held-out data.</summary>
    /// <value>The default is 0.97.</value>
    [Range(0.5, 1.0)]
    public double AnswerPrecision { get; set; } = 0.97;

    /// <summary>Ask "did you mean…?" only where the right intent was among the two offered this often on held-out data.</summary>
    /// <value>The default is 0.85.</value>
    [Range(0.5, 1.0)]
    public double ClarifyTopTwoRate { get; set; } = 0.85;

    /// <summary>The answer threshold is never below this probability.</summary>
    /// <value>The default is 0.5.</value>
    [Range(0.0, 1.0)]
    public float AnswerFloor { get; set; } = 0.5f;

    /// <summary>The answer threshold when the precision target is never met.</summary>
    /// <value>The default is 0.9.</value>
    [Range(0.0, 1.0)]
    public float AnswerCeiling { get; set; } = 0.9f;

    /// <summary>The clarify threshold is never below this probability.</summary>
    /// <value>The default is 0.2.</value>
    [Range(0.0, 1.0)]
    public float ClarifyFloor { get; set; } = 0.2f;

    internal string Signature => string.Create(
        CultureInfo.InvariantCulture, $"p{AnswerPrecision};t2{ClarifyTopTwoRate};af{AnswerFloor};ac{AnswerCeiling};cf{ClarifyFloor}");
}
