using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    [Fact]
    public async Task StartReturns201WithTokenAndRecordsTheWelcome()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.GenerateTokenAsync();

        var (status, body) = await host.SendAsync(HttpMethod.Post, "conversations", token, JObject.Parse("""{"user":{"id":"dl_other"},"locale":"en-US"}"""));

        Assert.Equal(201, status);
        Assert.Equal(conversationId, (string)body!["conversationId"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["token"]));
        Assert.Equal(1800, (int)body["expires_in"]!);
        Assert.Null(body["streamUrl"]);

        var (pollStatus, set) = await host.PollAsync(conversationId, (string)body["token"]!);
        Assert.Equal(200, pollStatus);
        var welcome = Assert.Single((JArray)set!["activities"]!);
        Assert.Equal(FakeDirectLineBot.Welcome, (string)welcome["text"]!);
        Assert.Equal(conversationId + "|0000001", (string)welcome["id"]!);
        Assert.Equal("bot", (string)welcome["from"]!["role"]!);
        Assert.Equal("clinic-bot", (string)welcome["from"]!["id"]!);
        Assert.Null(welcome["replyToId"]);
        Assert.Equal("1", (string)set["watermark"]!);
    }

    [Fact]
    public async Task TheBotSeesAConversationUpdateWithBotAndTokenUserAdded()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var user = (string)DirectLineTokenTests.Payload(token)["user"]!;

        var update = Assert.Single(host.Bot.Received);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal("webchat", update.ChannelId);
        Assert.Equal(conversationId, update.Conversation!.Id);
        Assert.Equal(["clinic-bot", user], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal(user, update.From!.Id);
        Assert.Equal("clinic-bot", update.Recipient!.Id);
        Assert.StartsWith("http://127.0.0.1:", update.ServiceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingAgainReturns200AndDoesNotWelcomeTwice()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        var (status, body) = await host.SendAsync(HttpMethod.Post, "conversations", token, new JObject());

        Assert.Equal(200, status);
        Assert.Equal(conversationId, (string)body!["conversationId"]!);
        Assert.Single(host.Bot.Received);
    }

    [Fact]
    public async Task StartWithTheSecretCreatesANewConversation()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (status, body) = await host.SendAsync(HttpMethod.Post, "conversations", DirectLineTestHost.Secret,
            JObject.Parse("""{"user":{"id":"dl_server-user"}}"""));
        Assert.Equal(201, status);
        Assert.Equal("dl_server-user", (string)DirectLineTokenTests.Payload((string)body!["token"]!)["user"]!);
        Assert.Equal(200, (await host.PollAsync((string)body["conversationId"]!, DirectLineTestHost.Secret)).Status);
    }

    [Fact]
    public async Task StartWithoutCredentialsIsForbidden()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "conversations", null, new JObject())).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "conversations", "garbage", new JObject())).Status);
    }

    [Fact]
    public async Task ReconnectReturnsTheConversationWithAFreshToken()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(5));

        var (status, body) = await host.SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark=1", token);

        Assert.Equal(200, status);
        Assert.Equal(conversationId, (string)body!["conversationId"]!);
        Assert.NotEqual(token, (string)body["token"]!);
    }

    [Fact]
    public async Task ReconnectToAConversationNeverStartedIs404AndToAForeignOneIs403()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (notStarted, notStartedToken) = await host.GenerateTokenAsync();
        var (started, _) = await host.StartConversationAsync();

        Assert.Equal(404, (await host.SendAsync(HttpMethod.Get, $"conversations/{notStarted}", notStartedToken)).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Get, $"conversations/{started}", notStartedToken)).Status);
        Assert.Equal(404, (await host.SendAsync(HttpMethod.Get, "conversations/unknown", DirectLineTestHost.Secret)).Status);
    }
}
