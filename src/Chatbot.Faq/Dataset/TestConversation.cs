namespace Chatbot.Faq.Dataset;

/// <summary>One staff acceptance test: a question and the intent the bot must recognise.</summary>
/// <param name="Text">The question.</param>
/// <param name="Intent">The expected intent id (<c>out_of_scope</c> when the bot must not answer).</param>
/// <param name="Line">Line in the tests file.</param>
/// <param name="Column">Column in the tests file.</param>
public sealed record TestConversation(string Text, string Intent, int Line, int Column);
