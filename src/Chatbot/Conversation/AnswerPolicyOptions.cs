using System.ComponentModel.DataAnnotations;

namespace Chatbot.Conversation;

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

    /// <summary>Fallbacks in a row after which the bot offers a person first.</summary>
    /// <value>The default is 2.</value>
    [Range(1, 10)]
    public int FallbacksBeforeHandoff { get; set; } = 2;
}
