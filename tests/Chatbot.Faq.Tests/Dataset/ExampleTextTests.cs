using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Tests.Dataset;

public sealed class ExampleTextTests
{
    [Theory]
    [InlineData("  When's my   NEXT visit?", "whens my next visit")]
    [InlineData("Hello!!!", "hello")]
    [InlineData("", "")]
    [InlineData("?!", "")]
    public void NormalizeLowercasesStripsPunctuationAndCollapsesWhitespace(string input, string expected) =>
        Assert.Equal(expected, ExampleText.Normalize(input));
}
