using Chatbot.BotFramework.Tests.TestHost;

namespace Chatbot.BotFramework.Tests.Integration;

/// <summary>A bot in anonymous mode and a fake channel, shared by the tests of a class.</summary>
public sealed class AnonymousBotFixture : IAsyncLifetime
{
    public FakeChannel Channel { get; private set; } = null!;

    public BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Channel = await FakeChannel.StartAsync();
        Host = await BotHost.StartAsync(new Dictionary<string, string?> { ["BotFramework:LoginBaseUrl"] = Channel.BaseUrl });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Channel.DisposeAsync();
    }
}
