namespace Chatbot.Faq.Classification;

/// <summary>A held-out example whose best intent was wrong.</summary>
/// <param name="Text">The example question.</param>
/// <param name="Actual">Its intent.</param>
/// <param name="Predicted">The model's best intent.</param>
/// <param name="Score">The probability of <paramref name="Predicted"/>.</param>
public sealed record MisclassifiedExample(string Text, string Actual, string Predicted, float Score);
