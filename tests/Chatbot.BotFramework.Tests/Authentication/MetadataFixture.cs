using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Tests.Authentication;

/// <summary>A local OpenID metadata server with a Bot Connector key (endorsed for msteams and webchat), a key without endorsements, and an Entra key.</summary>
public sealed class MetadataFixture : IAsyncLifetime, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    public MetadataServer Server { get; private set; } = null!;

    public SigningKey BotConnectorKey { get; } = new("bc-1", "msteams", "webchat");

    public SigningKey UnendorsedKey { get; } = new("bc-unendorsed");

    public SigningKey EntraKey { get; } = new("entra-1");

    private readonly List<SigningKey> _published = [];

    /// <summary>Adds a key to the Bot Connector key set while the server runs (key rollover); it stays published.</summary>
    public SigningKey PublishNewBotConnectorKey()
    {
        var key = new SigningKey($"bc-rolled-{Guid.NewGuid():N}", "msteams");
        lock (_published)
        {
            _published.Add(key);
        }

        Server.AddKey("botconnector", key);
        return key;
    }

    public async Task InitializeAsync()
    {
        Server = await MetadataServer.StartAsync();
        Server.AddKey("botconnector", BotConnectorKey);
        Server.AddKey("botconnector", UnendorsedKey);
        Server.AddKey("entra", EntraKey);
    }

    public ChannelAuthenticator CreateAuthenticator(string? appId = Tokens.AppId, TimeProvider? timeProvider = null)
    {
        var options = Options.Create(new BotFrameworkAuthenticationOptions
        {
            MicrosoftAppId = appId,
            MicrosoftAppPassword = appId is null ? null : "secret",
            OpenIdMetadataUrl = Server.BotConnectorMetadataUrl,
            EntraOpenIdMetadataUrl = Server.EntraMetadataUrl,
            RequireHttpsMetadata = false,

            // Without an app id: the Emulator's local anonymous mode, which must be switched on (and is local only).
            AllowAnonymous = appId is null,
            EnvironmentName = "Testing",
        });
        return new(
            options,
            _services.GetRequiredService<IHttpClientFactory>(),
            new ServiceUrlPolicy(options),
            timeProvider ?? TimeProvider.System,
            NullLogger<ChannelAuthenticator>.Instance);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        BotConnectorKey.Dispose();
        UnendorsedKey.Dispose();
        EntraKey.Dispose();
        _published.ForEach(k => k.Dispose());
        _services.Dispose();
    }
}
