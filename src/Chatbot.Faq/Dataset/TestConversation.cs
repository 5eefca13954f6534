namespace Chatbot.Faq.Dataset;

/// <summary>One staff acceptance test: a question and the intent the bot must recognise.</summary>
/// <param name="Text">The question.</param>
/// <param name="Intent">The expected intent id (<c>out_of_scope</c> when the bot must not answer).</param>
/// <param name="Line">Line in the tests file.</param>
/// <param name="Column">Column in the tests file.</param>
public sealed record TestConversation(string Text, string Intent, int Line, int Column);

/// <summary>The content of <c>faq-data/tests/test-conversations.json</c>.</summary>
/// <param name="File">Display path of the file.</param>
/// <param name="Tests">The tests that could be read.</param>
/// <param name="Issues">Problems met while reading the file.</param>
public sealed record TestConversationSet(string File, IReadOnlyList<TestConversation> Tests, IReadOnlyList<ValidationIssue> Issues);
