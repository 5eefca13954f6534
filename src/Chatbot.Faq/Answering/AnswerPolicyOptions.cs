using System.ComponentModel.DataAnnotations;

namespace Chatbot.Faq.Answering;

/// <summary>How cautious the bot is on top of the model's own thresholds.</summary>
public sealed class AnswerPolicyOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:AnswerPolicy";

    /// <summary>
    /// Minimum lead of the best intent over the second before the bot answers without asking "Did you mean…?".
    /// </summary>
    /// <value>The default is 0.15.</value>
    [Range(0.0, 1.0)]
    public double MinimumMargin { get; set; } = 0.15;

    /// <summary>
    /// Below the answer threshold, an FAQ entry is still answered (with the runners-up as buttons) when its score is at
    /// least this and it leads the second by <see cref="ClearLeadMargin"/>.
    /// </summary>
    /// <value>The default is 0.45 (chosen on the held-out patient questions: docs/benchmarks.md).</value>
    [Range(0.0, 1.0)]
    public double ClearLeadMinimum { get; set; } = 0.45;

    /// <summary>Lead over the second intent for <see cref="ClearLeadMinimum"/>.</summary>
    /// <value>The default is 0.3.</value>
    [Range(0.0, 1.0)]
    public double ClearLeadMargin { get; set; } = 0.3;

    /// <summary>Fallbacks in a row after which the bot offers a person first.</summary>
    /// <value>The default is 2.</value>
    [Range(1, 10)]
    public int FallbacksBeforeHandoff { get; set; } = 2;
}
