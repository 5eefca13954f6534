namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>All end-to-end tests share one real host and one Chromium, and run one after another (2-core CI).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<ChatbotServer>, ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "End to end";
}
