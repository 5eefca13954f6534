namespace Chatbot.Faq.Classification;

/// <summary>Two intents the model mixes up.</summary>
/// <param name="Actual">The right intent.</param>
/// <param name="Predicted">What the model chose.</param>
/// <param name="Count">How many held-out examples went this way.</param>
public sealed record ConfusedPair(string Actual, string Predicted, int Count);
