using System.Net;
using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.Tests.TestHost;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.Integration;

/// <summary>A bot with an app id: channel tokens from a local OpenID server, outbound tokens from a fake Entra endpoint.</summary>
public sealed class AuthenticatedBotTests : IAsyncLifetime, IDisposable
{
    private readonly SigningKey _key = new("bc-http", "emulator", "msteams");
    private MetadataServer _metadata = null!;
    private FakeChannel _channel = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _metadata = await MetadataServer.StartAsync();
        _metadata.AddKey("botconnector", _key);
        _channel = await FakeChannel.StartAsync();
        _host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = Tokens.AppId,
            ["MicrosoftAppPassword"] = "s3cret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["BotFramework:OpenIdMetadataUrl"] = _metadata.BotConnectorMetadataUrl,
            ["BotFramework:EntraOpenIdMetadataUrl"] = _metadata.EntraMetadataUrl,
            ["BotFramework:RequireHttpsMetadata"] = "false",
            ["BotFramework:LoginBaseUrl"] = _channel.BaseUrl,
        });
    }

    [Fact]
    public async Task RepliesCarryTheBotTokenWhichIsRequestedOnce()
    {
        var conversation = $"auth-{Guid.NewGuid():N}";
        var token = Tokens.BotConnector(_key, _channel.BaseUrl);

        var first = await _host.PostAsync(Activities.Message(_channel.BaseUrl, conversation, "one", id: "a1"), token);
        var second = await _host.PostAsync(Activities.Message(_channel.BaseUrl, conversation, "two", id: "a2"), token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var replies = _channel.RequestsFor(conversation);
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Equal("Bearer fake-token-1", r.Authorization));
        Assert.Equal(1, _channel.TokenRequests);
        var tokenRequest = Assert.Single(_channel.TokenRequestsLog);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", tokenRequest.RawTarget);
        var form = tokenRequest.Body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(("client_credentials", Tokens.AppId, "s3cret", "https://api.botframework.com/.default"),
            (form["grant_type"], form["client_id"], form["client_secret"], form["scope"]));
    }

    [Fact]
    public async Task CallerIdIsSetFromTheTokenNotFromTheBody()
    {
        var conversation = $"caller-{Guid.NewGuid():N}";
        var activity = Activities.Message(_channel.BaseUrl, conversation, "hi");
        activity["callerId"] = "urn:botframework:aadappid:spoofed";

        var response = await _host.PostAsync(activity, Tokens.BotConnector(_key, _channel.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CallerIdConstants.PublicAzureChannel, _host.Bot.Seen.Single(a => a.Conversation?.Id == conversation).CallerId);
    }

    [Fact]
    public async Task MissingAuthorizationHeaderIsAnswered401WithAJsonError()
    {
        var response = await _host.PostAsync(Activities.Message(_channel.BaseUrl, "noauth", "hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var error = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(("Unauthorized", "No Authorization header."), ((string?)error["error"]!["code"], (string?)error["error"]!["message"]));
        Assert.DoesNotContain(_host.Bot.Seen, a => a.Conversation?.Id == "noauth");
    }

    [Fact]
    public async Task ServiceUrlNotInTheTokenIsAnswered401()
    {
        var response = await _host.PostAsync(Activities.Message("https://attacker.example/", "ssrf", "hi"), Tokens.BotConnector(_key, _channel.BaseUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_host.Bot.Seen, a => a.Conversation?.Id == "ssrf");
    }

    [Fact]
    public async Task BadTokenIsAnswered401BeforeTheBodyIsRead()
    {
        var response = await _host.PostRawAsync("{not json", "application/json", bearer: "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    public void Dispose() => _key.Dispose();
}
