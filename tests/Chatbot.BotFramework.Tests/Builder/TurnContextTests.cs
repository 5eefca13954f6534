using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.Builder;

public sealed class TurnContextTests
{
    private static Activity Incoming(string type = ActivityTypes.Message, string channelId = Channels.Msteams) => new()
    {
        Type = type,
        Id = "in-1",
        ChannelId = channelId,
        ServiceUrl = "https://smba.example/amer/",
        Locale = "de-DE",
        From = new ChannelAccount { Id = "29:user", Name = "Pat", AadObjectId = "aad", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Bot" },
        Conversation = new ConversationAccount { Id = "a:conv", TenantId = "tenant", ConversationType = "personal", IsGroup = false },
    };

    [Fact]
    public async Task SendFillsRoutingFieldsFromTheIncomingActivity()
    {
        var adapter = new TestAdapter();
        var turn = adapter.CreateTurn(Incoming());

        var response = await turn.SendActivityAsync("hello", CancellationToken.None);

        var sent = Assert.Single(adapter.Sent);
        Assert.Equal("sent-0", response.Id);
        Assert.Equal(ActivityTypes.Message, sent.Type);
        Assert.Equal(("28:bot", RoleTypes.Bot), (sent.From!.Id, sent.From.Role));
        Assert.Equal(("29:user", "aad"), (sent.Recipient!.Id, sent.Recipient.AadObjectId));
        Assert.Equal(("a:conv", "tenant"), (sent.Conversation!.Id, sent.Conversation.TenantId));
        Assert.Null(sent.Conversation.ConversationType);
        Assert.Equal((Channels.Msteams, "https://smba.example/amer/", "de-DE", "in-1"), (sent.ChannelId, sent.ServiceUrl, sent.Locale, sent.ReplyToId));
        Assert.Equal(TextFormats.Markdown, sent.TextFormat);
        Assert.True(turn.Responded);
    }

    [Fact]
    public async Task FieldsTheBotSetAreKept()
    {
        var adapter = new TestAdapter();
        var turn = adapter.CreateTurn(Incoming());

        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "handoff.initiate", From = new ChannelAccount { Id = "29:user" }, ReplyToId = "other" }, CancellationToken.None);

        var sent = Assert.Single(adapter.Sent);
        Assert.Equal(("29:user", "other"), (sent.From!.Id, sent.ReplyToId));
    }

    [Theory]
    [InlineData(Channels.DirectLine, null)]
    [InlineData(Channels.Webchat, null)]
    [InlineData(Channels.Msteams, "in-1")]
    public async Task ConversationUpdateRepliesOnDirectLineHaveNoReplyToId(string channelId, string? expected)
    {
        var adapter = new TestAdapter();
        var turn = adapter.CreateTurn(Incoming(ActivityTypes.ConversationUpdate, channelId));

        await turn.SendActivityAsync("welcome", CancellationToken.None);

        Assert.Equal(expected, Assert.Single(adapter.Sent).ReplyToId);
    }

    [Fact]
    public async Task BufferedTurnCollectsInsteadOfSending()
    {
        var adapter = new TestAdapter();
        var turn = adapter.CreateTurn(Incoming(), buffer: true);

        await turn.SendActivitiesAsync([new Activity { Text = "one" }, new Activity { Text = "two" }], CancellationToken.None);

        Assert.Empty(adapter.Sent);
        Assert.Equal(["one", "two"], turn.BufferedReplyActivities.Select(a => a.Text));
        Assert.All(turn.BufferedReplyActivities, a => Assert.Equal("in-1", a.ReplyToId));
    }

    [Fact]
    public void ExpectRepliesDeliveryModeBuffersByDefault()
    {
        var incoming = Incoming();
        incoming.DeliveryMode = DeliveryModes.ExpectReplies;

        Assert.True(new TurnContext(new TestAdapter(), incoming).BuffersReplies);
        Assert.False(new TurnContext(new TestAdapter(), Incoming()).BuffersReplies);
    }

    [Theory]
    [InlineData(Channels.Msteams, 0)]
    [InlineData(Channels.Emulator, 1)]
    public async Task TraceActivitiesReachOnlyTheEmulator(string channelId, int expected)
    {
        var adapter = new TestAdapter();
        var turn = adapter.CreateTurn(Incoming(channelId: channelId));

        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Label = "debug" }, CancellationToken.None);

        Assert.Equal(expected, adapter.Sent.Count);
        Assert.False(turn.Responded);
    }

    [Fact]
    public async Task InvokeResponseActivitySetsTheInvokeResponse()
    {
        var adapter = new TestAdapter();
        var turn = adapter.CreateTurn(Incoming(ActivityTypes.Invoke));

        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.InvokeResponse, Value = new JObject { ["status"] = 202, ["body"] = new JObject { ["a"] = 1 } } }, CancellationToken.None);

        Assert.Empty(adapter.Sent);
        Assert.Equal(202, turn.InvokeResponse!.Status);
    }
}
