using System.Buffers.Text;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class DirectLineTokenTests
{
    [Fact]
    public async Task GenerateFromOwnPageReturnsTokenBoundToNewConversationAndRandomUser()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "tokens/generate")
        {
            Content = new StringContent("""{"user":{"id":"dl_chosen-by-page"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty((string?)body["conversationId"]));
        Assert.Equal(1800, (int)body["expires_in"]!);
        var payload = Payload((string)body["token"]!);
        Assert.Equal((string)body["conversationId"]!, (string)payload["conv"]!);
        var user = (string)payload["user"]!;
        Assert.StartsWith("dl_", user, StringComparison.Ordinal);
        Assert.NotEqual("dl_chosen-by-page", user);
    }

    [Fact]
    public async Task EachGenerateOpensADifferentConversation()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var first = await host.GenerateTokenAsync();
        var second = await host.GenerateTokenAsync();
        Assert.NotEqual(first.ConversationId, second.ConversationId);
    }

    [Theory]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData("same-site", "https://other.clinic.example")]
    [InlineData(null, "https://evil.example")]
    [InlineData("cross-site", null)]
    public async Task GenerateFromAnotherSitesPageIsForbidden(string? fetchSite, string? origin)
    {
        await using var host = await DirectLineTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "tokens/generate");
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await host.Client.SendAsync(request);
        Assert.Equal(403, (int)response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Forbidden", (string)body["error"]!["code"]!);
    }

    [Fact]
    public async Task GenerateFromAllowedOriginSucceedsWithCorsHeader()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = "https://clinic.example" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "tokens/generate");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://clinic.example");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://clinic.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task GenerateFromOwnOriginWithoutFetchMetadataSucceeds()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "tokens/generate");
        request.Headers.Add("Origin", host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task GenerateWithoutBrowserHeadersSucceedsBecauseSuchClientsCouldForgeThemAnyway()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (status, _) = await host.SendAsync(HttpMethod.Post, "tokens/generate", bearer: null);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task GenerateWithoutSecretIsForbiddenWhenAnonymousTokensAreOff()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:AllowAnonymousTokens"] = "false" });
        var (status, _) = await host.SendAsync(HttpMethod.Post, "tokens/generate", bearer: null);
        Assert.Equal(403, status);
    }

    [Fact]
    public async Task GenerateWithSecretBindsTheRequestedUser()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (status, body) = await host.SendAsync(HttpMethod.Post, "tokens/generate", DirectLineTestHost.Secret,
            JObject.Parse("""{"user":{"id":"dl_known-user"}}"""));
        Assert.Equal(200, status);
        Assert.Equal("dl_known-user", (string)Payload((string)body!["token"]!)["user"]!);
    }

    [Fact]
    public async Task GenerateWithWrongSecretOrWithATokenIsForbidden()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (_, token) = await host.GenerateTokenAsync();
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "tokens/generate", "wrong-secret")).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "tokens/generate", token)).Status);
    }

    [Fact]
    public async Task RefreshReturnsANewTokenForTheSameConversationAndUser()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(15));

        var (status, body) = await host.SendAsync(HttpMethod.Post, "tokens/refresh", token);

        Assert.Equal(200, status);
        Assert.Equal(conversationId, (string)body!["conversationId"]!);
        var refreshed = (string)body["token"]!;
        Assert.NotEqual(token, refreshed);
        Assert.Equal((string)Payload(token)["user"]!, (string)Payload(refreshed)["user"]!);
        host.Clock.Advance(TimeSpan.FromMinutes(20)); // the old token has expired, the new one has not
        Assert.Equal(403, (await host.PollAsync(conversationId, token)).Status);
        Assert.Equal(200, (await host.PollAsync(conversationId, refreshed)).Status);
    }

    [Fact]
    public async Task RefreshOfExpiredInvalidOrMissingTokenIsForbidden()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (_, token) = await host.GenerateTokenAsync();
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "tokens/refresh", null)).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "tokens/refresh", "not-a-token")).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "tokens/refresh", DirectLineTestHost.Secret)).Status);
        host.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "tokens/refresh", token)).Status);
    }

    internal static JObject Payload(string token) =>
        JObject.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1])));
}
