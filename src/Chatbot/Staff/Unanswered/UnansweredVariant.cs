namespace Chatbot.Staff.Unanswered;

/// <summary>One wording inside a group of unanswered questions.</summary>
/// <param name="Text">The wording (already redacted), as first asked.</param>
/// <param name="Key">The wording normalized (<see cref="Faq.Dataset.ExampleText.Normalize"/>): identical questions share it.</param>
/// <param name="Count">How many times it was asked.</param>
public sealed record UnansweredVariant(string Text, string Key, int Count);
