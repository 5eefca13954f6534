namespace Chatbot.Faq.Classification;

/// <summary>One training example.</summary>
/// <param name="Text">The question.</param>
/// <param name="Label">The intent id.</param>
public readonly record struct LabeledText(string Text, string Label);
