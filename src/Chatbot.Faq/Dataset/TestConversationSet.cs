namespace Chatbot.Faq.Dataset;

/// <summary>The content of <c>faq-data/tests/test-conversations.json</c>.</summary>
/// <param name="File">Display path of the file.</param>
/// <param name="Tests">The tests that could be read.</param>
/// <param name="Issues">Problems met while reading the file.</param>
public sealed record TestConversationSet(string File, IReadOnlyList<TestConversation> Tests, IReadOnlyList<ValidationIssue> Issues);
