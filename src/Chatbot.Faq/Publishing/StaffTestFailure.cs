using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>A staff test conversation that did not get its intent.</summary>
/// <param name="Text">The question.</param>
/// <param name="Expected">The intent it should get.</param>
/// <param name="Got">What the model did instead.</param>
/// <param name="Line">Line in <c>tests/test-conversations.json</c>.</param>
public sealed record StaffTestFailure(string Text, string Expected, string Got, int Line)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"\"{Text}\" should get {Expected} but would get {Got} ({TestConversationLoader.RelativePath} line {Line})";
}
