using Chatbot.BotFramework.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class DirectLineActivityTests
{
    [Fact]
    public async Task PostReturnsIdAndThePollShowsTheEchoThenTheReply()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var user = (string)DirectLineTokenTests.Payload(token)["user"]!;
        var posted = JObject.Parse("""
            {"type":"message","text":"hello","textFormat":"plain","channelId":"webchat","locale":"en-US",
             "from":{"id":"someone-else","name":"Pat","role":"user"},"id":"client-id","serviceUrl":"https://evil.example",
             "channelData":{"clientActivityID":"abc-123","custom":{"x":1}},"futureField":{"kept":true},
             "entities":[{"type":"ClientCapabilities","requiresBotState":true}]}
            """);

        var (status, body) = await host.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, posted);

        Assert.Equal(200, status);
        Assert.Equal(conversationId + "|0000002", (string)body!["id"]!);
        var (_, set) = await host.PollAsync(conversationId, token, "1");
        var activities = (JArray)set!["activities"]!;
        Assert.Equal(2, activities.Count);
        Assert.Equal("3", (string)set["watermark"]!);

        var echo = activities[0];
        Assert.Equal(conversationId + "|0000002", (string)echo["id"]!);
        Assert.Equal("hello", (string)echo["text"]!);
        Assert.Equal("abc-123", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal(1, (int)echo["channelData"]!["custom"]!["x"]!);
        Assert.True((bool)echo["futureField"]!["kept"]!);
        Assert.Equal("ClientCapabilities", (string)echo["entities"]![0]!["type"]!);
        Assert.Equal(user, (string)echo["from"]!["id"]!);
        Assert.Equal("Pat", (string)echo["from"]!["name"]!);
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.Equal("webchat", (string)echo["channelId"]!);
        Assert.Equal(conversationId, (string)echo["conversation"]!["id"]!);
        Assert.StartsWith("http://127.0.0.1:", (string)echo["serviceUrl"]!, StringComparison.Ordinal);

        var reply = activities[1];
        Assert.Equal("echo: hello", (string)reply["text"]!);
        Assert.Equal(conversationId + "|0000003", (string)reply["id"]!);
        Assert.Equal((string)echo["id"]!, (string)reply["replyToId"]!);
        Assert.Equal("bot", (string)reply["from"]!["role"]!);
        Assert.Equal("clinic-bot", (string)reply["from"]!["id"]!);
        Assert.Equal(user, (string)reply["recipient"]!["id"]!);
        Assert.EndsWith("Z", (string)reply["timestamp"]!, StringComparison.Ordinal);
        Assert.True(Timestamp(reply) > Timestamp(echo));
    }

    [Fact]
    public async Task TheBotGetsTheNormalizedActivityWithItsServerId()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        await host.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, JObject.Parse(
            """{"type":"message","text":"hi","from":{"id":"x"},"deliveryMode":"expectReplies","callerId":"urn:evil"}"""));

        var turn = host.Bot.Received.Last();
        Assert.Equal(conversationId + "|0000002", turn.Id);
        Assert.Equal("webchat", turn.ChannelId);
        Assert.Equal("clinic-bot", turn.Recipient!.Id);
        Assert.Equal(RoleTypes.User, turn.From!.Role);
        Assert.Null(turn.DeliveryMode);
        Assert.Null(turn.CallerId);
        Assert.NotNull(turn.Timestamp);
    }

    [Fact]
    public async Task TimestampsRiseStrictlyEvenWhenTheClockStandsStill()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        await host.PostTextAsync(conversationId, token, "two");
        await host.PostTextAsync(conversationId, token, "again", "c2");

        var (_, set) = await host.PollAsync(conversationId, token);
        var activities = ((JArray)set!["activities"]!).ToList();

        Assert.Equal(["Welcome! I am an automated assistant.", "two", "typing", "one", "two", "again", "echo: again"],
            activities.Select(a => (string?)a["text"] ?? (string)a["type"]!));
        var times = activities.Select(Timestamp).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"{conversationId}|{i:D7}"), activities.Select(a => (string)a["id"]!));
    }

    [Fact]
    public async Task WatermarksAreStringsAndPagesContinue()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        var (_, first) = await host.PollAsync(conversationId, token);
        Assert.Equal(JTokenType.String, first!["watermark"]!.Type);
        Assert.Equal("1", (string)first["watermark"]!);
        var (_, empty) = await host.PollAsync(conversationId, token, "1");
        Assert.Empty((JArray)empty!["activities"]!);
        Assert.Equal("1", (string)empty["watermark"]!);

        await host.PostTextAsync(conversationId, token, "hi");
        var (_, next) = await host.PollAsync(conversationId, token, "1");
        Assert.Equal(2, ((JArray)next!["activities"]!).Count);
        Assert.Equal("3", (string)next["watermark"]!);
        Assert.Equal(400, (await host.PollAsync(conversationId, token, "abc")).Status);
    }

    [Fact]
    public async Task TypingIsAcceptedButNeitherRecordedNorGivenToTheBot()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var (status, _) = await host.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token,
            JObject.Parse("""{"type":"typing","from":{"id":"u"}}"""));
        Assert.Equal(200, status);
        Assert.Single(host.Bot.Received);
        Assert.Equal("1", (string)(await host.PollAsync(conversationId, token)).Body!["watermark"]!);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"invoke","name":"x","from":{"id":"u"}}""")]
    [InlineData("""{"type":"conversationUpdate","from":{"id":"u"}}""")]
    [InlineData("""{"text":"no type","from":{"id":"u"}}""")]
    public async Task MalformedOrForbiddenActivitiesAre400(string json)
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"conversations/{conversationId}/activities")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("BadArgument", (string)JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!["code"]!);
    }

    [Fact]
    public async Task AnOversizedActivityIs413()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:MaxBodyBytes"] = "2048" });
        var (conversationId, token) = await host.StartConversationAsync();
        var (status, body) = await host.PostTextAsync(conversationId, token, new string('x', 4000));
        Assert.Equal(413, status);
        Assert.Equal("PayloadTooLarge", (string)body!["error"]!["code"]!);
    }

    [Fact]
    public async Task WhenTheBotThrowsThePostIs502AndPollingStillWorks()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        var (status, body) = await host.PostTextAsync(conversationId, token, "boom", "c1");

        Assert.Equal(502, status);
        Assert.Equal("BotError", (string)body!["error"]!["code"]!);
        var (pollStatus, set) = await host.PollAsync(conversationId, token, "1");
        Assert.Equal(200, pollStatus);
        var echo = Assert.Single((JArray)set!["activities"]!);
        Assert.Equal("c1", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal(200, (await host.PostTextAsync(conversationId, token, "after")).Status);
    }

    [Fact]
    public async Task ARepostWithTheSameClientActivityIdIsRecordedOnceAndAnsweredOnce()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();

        var first = await host.PostTextAsync(conversationId, token, "hello", "retry-1");
        var again = await host.PostTextAsync(conversationId, token, "hello", "retry-1");
        var other = await host.PostTextAsync(conversationId, token, "hello", "retry-2");

        Assert.Equal(200, again.Status);
        Assert.Equal((string)first.Body!["id"]!, (string)again.Body!["id"]!);
        Assert.Equal(conversationId + "|0000004", (string)other.Body!["id"]!);
        var (_, set) = await host.PollAsync(conversationId, token, "1");
        Assert.Equal(["hello", "echo: hello", "hello", "echo: hello"], ((JArray)set!["activities"]!).Select(a => (string)a["text"]!));
        Assert.Equal(2, host.Bot.Received.Count(a => a.Text == "hello"));
    }

    [Fact]
    public async Task ARepostOfARecordedMessageWithoutAReplyRunsItsTurnOnceMore()
    {
        // What a client's retry finds when the instance that recorded its message died before the turn ended.
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var store = host.Services.GetRequiredService<IDirectLineTranscriptStore>();
        var orphan = new Activity
        {
            Type = ActivityTypes.Message, Text = "orphan", ChannelId = "webchat",
            From = new ChannelAccount { Id = "page-user", Role = RoleTypes.User },
            Conversation = new ConversationAccount { Id = conversationId },
            ChannelData = new JObject { ["clientActivityID"] = "died-1" },
            Timestamp = host.Clock.GetUtcNow(),
        };
        await store.AppendAsync(conversationId, [orphan], host.Clock.GetUtcNow(), CancellationToken.None);

        var (status, body) = await host.PostTextAsync(conversationId, token, "orphan", "died-1");

        Assert.Equal(200, status);
        Assert.Equal(conversationId + "|0000002", (string)body!["id"]!);
        var (_, set) = await host.PollAsync(conversationId, token, "1");
        var activities = (JArray)set!["activities"]!;
        Assert.Equal(["orphan", "echo: orphan"], activities.Select(a => (string)a["text"]!));
        Assert.Equal(conversationId + "|0000002", (string)activities[1]["replyToId"]!);
    }

    [Fact]
    public async Task ARepostWhileTheTurnStillRunsHereDoesNotRunItTwice()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:BotTimeout"] = "00:00:00.300" });
        var (conversationId, token) = await host.StartConversationAsync();

        Assert.Equal(502, (await host.PostTextAsync(conversationId, token, "slow", "slow-1")).Status);
        var (status, body) = await host.PostTextAsync(conversationId, token, "slow", "slow-1");

        Assert.Equal(200, status);
        Assert.Equal(conversationId + "|0000002", (string)body!["id"]!);
        Assert.Equal(1, host.Bot.Received.Count(a => a.Text == "slow"));
        host.Bot.ReleaseSlow();
    }

    [Fact]
    public async Task ASlowBotGets502InTimeAndItsLateReplyIsStillRecorded()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:BotTimeout"] = "00:00:00.300" });
        var (conversationId, token) = await host.StartConversationAsync();

        var (status, body) = await host.PostTextAsync(conversationId, token, "slow");
        Assert.Equal(502, status);
        Assert.Equal("BotTimeout", (string)body!["error"]!["code"]!);

        host.Bot.ReleaseSlow();
        JArray activities = [];
        for (var i = 0; i < 50 && activities.Count < 2; i++)
        {
            await Task.Delay(20);
            activities = (JArray)(await host.PollAsync(conversationId, token, "1")).Body!["activities"]!;
        }

        Assert.Equal(["slow", "finally"], activities.Select(a => (string)a["text"]!));
    }

    [Fact]
    public async Task AFullConversationRefusesFurtherPostsWith409()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:MaxActivitiesPerConversation"] = "10" });
        var (conversationId, token) = await host.StartConversationAsync();
        for (var i = 0; i < 5; i++) // 1 welcome + 5 × (echo + reply) = 11: the cap is checked before each post
        {
            Assert.Equal(200, (await host.PostTextAsync(conversationId, token, $"m{i}", $"c{i}")).Status);
        }

        var (status, body) = await host.PostTextAsync(conversationId, token, "one too many", "c9");
        Assert.Equal(409, status);
        Assert.Equal("ConversationFull", (string)body!["error"]!["code"]!);
    }

    private static DateTimeOffset Timestamp(JToken activity) =>
        DateTimeOffset.Parse((string)activity["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
}
