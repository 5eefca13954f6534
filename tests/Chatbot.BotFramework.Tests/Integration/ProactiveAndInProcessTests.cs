using System.Net;
using Chatbot.BotFramework.Connector;
using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.Tests.TestHost;

namespace Chatbot.BotFramework.Tests.Integration;

public sealed class ProactiveAndInProcessTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    private static Activity Incoming(string serviceUrl, string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "u-1",
        ChannelId = Channels.Webchat,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "dl_user", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = text,
    };

    [Fact]
    public async Task InProcessTurnReturnsTheRepliesAndSendsNothing()
    {
        var conversation = $"inproc-{Guid.NewGuid():N}";

        var replies = await fixture.Host.Adapter.ProcessInProcessAsync(Incoming(fixture.Channel.BaseUrl, conversation, "hi"), fixture.Host.Bot, CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Equal(("echo: hi", "u-1", "bot", "dl_user", Channels.Webchat), (reply.Text, reply.ReplyToId, reply.From!.Id, reply.Recipient!.Id, reply.ChannelId));
        Assert.Empty(fixture.Channel.RequestsFor(conversation));
    }

    [Fact]
    public async Task InProcessTurnWithAFailingBotReturnsTheApology()
    {
        var replies = await fixture.Host.Adapter.ProcessInProcessAsync(Incoming(fixture.Channel.BaseUrl, "inproc-err", "throw"), fixture.Host.Bot, CancellationToken.None);

        Assert.Equal("Sorry, something went wrong.", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task ContinueConversationPostsToTheConversationWithoutReplyToId()
    {
        var conversation = $"proactive-{Guid.NewGuid():N}";
        var reference = Incoming(fixture.Channel.BaseUrl, conversation, "stored").GetConversationReference();

        await fixture.Host.Adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("Your appointment is tomorrow.", ct), CancellationToken.None);

        var request = Assert.Single(fixture.Channel.RequestsFor(conversation));
        Assert.Equal($"/v3/conversations/{conversation}/activities", request.RawTarget);
        Assert.Equal(("Your appointment is tomorrow.", "bot", "dl_user"), ((string?)request.Json["text"], (string?)request.Json["from"]!["id"], (string?)request.Json["recipient"]!["id"]));
    }

    [Fact]
    public async Task ContinueConversationInProcessCollectsTheActivities()
    {
        var reference = Incoming(fixture.Channel.BaseUrl, "proactive-inproc", "stored").GetConversationReference();

        var sent = await fixture.Host.Adapter.ContinueConversationInProcessAsync(reference, (turn, ct) => turn.SendActivityAsync("staff says hi", ct), CancellationToken.None);

        Assert.Equal("staff says hi", Assert.Single(sent).Text);
        Assert.Empty(fixture.Channel.RequestsFor("proactive-inproc"));
    }

    [Fact]
    public async Task BlockedTeamsUserSurfacesAsConnectorExceptionWithTheCode()
    {
        var conversation = $"blocked-{Guid.NewGuid():N}";
        fixture.Channel.FailNext(conversation, (403, """{"error":{"code":"Forbidden","message":"The bot is blocked.","subCode":"MessageWritesBlocked"}}"""));
        var reference = Incoming(fixture.Channel.BaseUrl, conversation, "stored").GetConversationReference();

        var exception = await Assert.ThrowsAsync<ConnectorException>(() =>
            fixture.Host.Adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("hello?", ct), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("Forbidden", exception.Code);
        Assert.True(exception.HasCode("MessageWritesBlocked"));
        Assert.Single(fixture.Channel.RequestsFor(conversation));
    }

    [Fact]
    public async Task CreateConversationPostsParametersAndReturnsTheNewId()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:app" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
        };

        var created = await fixture.Host.Adapter.CreateConversationAsync(fixture.Channel.BaseUrl + "/create-test/", parameters, CancellationToken.None);

        Assert.StartsWith("a:new-", created.Id, StringComparison.Ordinal);
        var request = Assert.Single(fixture.Channel.RequestsFor("/create-test/"));
        Assert.Equal("/create-test/v3/conversations", request.RawTarget);
        Assert.Equal(("28:app", "tenant-1"), ((string?)request.Json["bot"]!["id"], (string?)request.Json["tenantId"]));
    }
}
