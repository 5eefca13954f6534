using System.Net;
using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.Tests.TestHost;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.Integration;

/// <summary>POST /api/messages in anonymous mode against a fake channel on 127.0.0.1.</summary>
public sealed class CloudAdapterTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    private FakeChannel Channel => fixture.Channel;

    private BotHost Host => fixture.Host;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task MessageIsAnsweredOutOfBandWithEscapedIdsAndSwappedAccounts()
    {
        var conversation = NewId("c1") + "|livechat";
        var response = await Host.PostAsync(Activities.Message(Channel.BaseUrl + "/", conversation, "hello", id: "m1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(Channel.RequestsFor(Uri.EscapeDataString(conversation)));
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/v3/conversations/{conversation.Replace("|", "%7C", StringComparison.Ordinal)}/activities/m1", reply.RawTarget);
        Assert.Null(reply.Authorization);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        var json = reply.Json;
        Assert.Equal("echo: hello", (string?)json["text"]);
        Assert.Equal(("bot1", "bot"), ((string?)json["from"]!["id"], (string?)json["from"]!["role"]));
        Assert.Equal("user1", (string?)json["recipient"]!["id"]);
        Assert.Equal(conversation, (string?)json["conversation"]!["id"]);
        Assert.Equal(("m1", "emulator", "message"), ((string?)json["replyToId"], (string?)json["channelId"], (string?)json["type"]));
        Assert.Null(json["id"]);
    }

    [Fact]
    public async Task TeamsIdsAreEscapedAndAServiceUrlPathWithoutTrailingSlashIsJoined()
    {
        var conversation = $"19:{Guid.NewGuid():N}@thread.skype;messageid=1712";
        var response = await Host.PostAsync(Activities.Message(Channel.BaseUrl + "/amer", conversation, "hi", id: "1:ab@c;d", channelId: "msteams"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Channel.RequestsFor(Uri.EscapeDataString(conversation)));
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/1%3Aab%40c%3Bd", reply.RawTarget);
        Assert.Contains("%3A", reply.RawTarget, StringComparison.Ordinal);
        Assert.Contains("%40thread.skype%3Bmessageid%3D1712", reply.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WelcomeOnWebChatConversationUpdateIsSentToTheConversationWithoutReplyToId()
    {
        var conversation = NewId("dl");
        var activity = Activities.Message(Channel.BaseUrl, conversation, "ignored", channelId: "webchat");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JArray(new JObject { ["id"] = "user1" });

        var response = await Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Channel.RequestsFor(conversation));
        Assert.Equal($"/v3/conversations/{conversation}/activities", reply.RawTarget);
        Assert.Equal("welcome 1", (string?)reply.Json["text"]);
        Assert.Null(reply.Json["replyToId"]);
    }

    [Fact]
    public async Task ExpectRepliesReturnsTheRepliesInTheBodyAndSendsNothingOutOfBand()
    {
        var conversation = NewId("er");
        var activity = Activities.Message(Channel.BaseUrl, conversation, "sync please");
        activity["deliveryMode"] = "expectReplies";

        var response = await Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single((JArray)body["activities"]!);
        Assert.Equal(("echo: sync please", "m1", "bot1"), ((string?)reply["text"], (string?)reply["replyToId"], (string?)reply["from"]!["id"]));
        Assert.Empty(Channel.RequestsFor(conversation));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task ConnectorRetriesTransientFailuresFromTheChannel(int status)
    {
        var conversation = NewId("retry");
        Channel.FailNext(conversation, (status, """{"error":{"code":"ServiceUnavailable","message":"try later"}}"""));

        var response = await Host.PostAsync(Activities.Message(Channel.BaseUrl, conversation, "again"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = Channel.RequestsFor(conversation);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task InvokeIsAnsweredWithTheInvokeResponse()
    {
        var response = await Host.PostAsync(Activities.Invoke(Channel.BaseUrl, NewId("inv"), "test/ok"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnhandledInvokeIsAnswered501()
    {
        var response = await Host.PostAsync(Activities.Invoke(Channel.BaseUrl, NewId("inv"), "composeExtension/query"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdaptiveCardActionIsAnswered200WithTheCardResponseShape()
    {
        var value = JObject.Parse("""{"action":{"type":"Action.Execute","verb":"confirm","data":{}}}""");

        var response = await Host.PostAsync(Activities.Invoke(Channel.BaseUrl, NewId("ac"), "adaptiveCard/action", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((200, "application/vnd.microsoft.activity.message", "done: confirm"), ((int)body["statusCode"]!, (string?)body["type"], (string?)body["value"]));
    }

    [Fact]
    public async Task AdaptiveCardSubmitActionIsAnswered400()
    {
        var value = JObject.Parse("""{"action":{"type":"Action.Submit"}}""");

        var response = await Host.PostAsync(Activities.Invoke(Channel.BaseUrl, NewId("ac"), "adaptiveCard/action", value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(("application/vnd.microsoft.error", "NotSupported"), ((string?)body["type"], (string?)body["value"]!["code"]));
    }

    [Theory]
    [InlineData("{\"type\":\"message\"", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"someFutureType\",\"conversation\":{\"id\":\"x\"}}", HttpStatusCode.OK)]
    public async Task BodiesAreCheckedBeforeTheBotRuns(string body, HttpStatusCode expected)
    {
        var response = await Host.PostRawAsync(body, "application/json");

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            var error = JObject.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("BadArgument", (string?)error["error"]!["code"]);
        }
    }

    [Fact]
    public async Task WrongContentTypeIsAnswered415()
    {
        var response = await Host.PostRawAsync("""{"type":"message"}""", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task HugeBodyIsAnswered413()
    {
        var activity = Activities.Message(Channel.BaseUrl, NewId("big"), new string('x', 300 * 1024));

        var response = await Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task HugeChunkedBodyIsAnswered413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new UnseekableStream(new byte[400 * 1024])),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BotExceptionGoesToOnTurnErrorAndTheRequestStill200()
    {
        var conversation = NewId("err");

        var response = await Host.PostAsync(Activities.Message(Channel.BaseUrl, conversation, "throw"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Host.Errors.Errors, e => e.Message == "The bot failed on purpose.");
        var apology = Assert.Single(Channel.RequestsFor(conversation));
        Assert.Equal("Sorry, something went wrong.", (string?)apology.Json["text"]);
    }

    [Fact]
    public async Task FailingTurnErrorHandlerStillAnswers200()
    {
        var response = await Host.PostAsync(Activities.Message(Channel.BaseUrl, NewId("err2"), "throw twice"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnreachableServiceUrlStillAnswers200()
    {
        var response = await Host.PostAsync(Activities.Message("http://127.0.0.1:1/", NewId("dead"), "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClientErrorFromTheChannelIsNotRetried()
    {
        var conversation = NewId("noretry");
        Channel.FailNext(conversation, (400, """{"error":{"code":"BadArgument","message":"bad"}}"""), (400, "{}"));

        var response = await Host.PostAsync(Activities.Message(Channel.BaseUrl, conversation, "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Channel.RequestsFor(conversation).Count); // the reply and the apology, once each
    }

    [Fact]
    public async Task InboundCallerIdIsDiscarded()
    {
        var conversation = NewId("caller");
        var activity = Activities.Message(Channel.BaseUrl, conversation, "who");
        activity["callerId"] = "urn:botframework:azure";

        await Host.PostAsync(activity);

        var seen = Host.Bot.Seen.Single(a => a.Conversation?.Id == conversation);
        Assert.Null(seen.CallerId);
    }

    [Fact]
    public async Task AnonymousModeRejectsAPresentedToken()
    {
        var response = await Host.PostAsync(Activities.Message(Channel.BaseUrl, NewId("anon"), "hi"), bearer: "eyJhbGciOiJSUzI1NiJ9.e30.x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unauthorized", (string?)error["error"]!["code"]);
    }

    [Fact]
    public async Task GetIsNotAllowed()
    {
        var response = await Host.Client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    /// <summary>A stream without a length, so HttpClient has to send it chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
