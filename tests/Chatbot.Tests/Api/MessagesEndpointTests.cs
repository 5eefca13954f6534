using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using Chatbot.BotFramework.Schema;
using Chatbot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Api;

/// <summary>/api/messages of the real host: status codes for good and bad input (never 500 for client input).</summary>
public sealed class MessagesEndpointTests(ScriptedClassifierFactory factory) : IClassFixture<ScriptedClassifierFactory>
{
    private static StringContent Json(string body, string contentType = "application/json") => new(body, Encoding.UTF8, contentType);

    private static JObject Message(string text = "hi") => new()
    {
        ["type"] = "message",
        ["id"] = "m1",
        ["text"] = text,
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["from"] = new JObject { ["id"] = "u1" },
        ["recipient"] = new JObject { ["id"] = "b1" },
        ["conversation"] = new JObject { ["id"] = "c-" + Guid.NewGuid().ToString("N") },
    };

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("""{"text":"no type here"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task ABodyThatIsNotAnActivityIs400(string body)
    {
        using var response = await factory.CreateClient().PostAsync("/api/messages", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AHugeBodyIs413()
    {
        var activity = Message(new string('a', 2_000_000));
        using var response = await factory.CreateClient().PostAsync("/api/messages", Json(activity.ToString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TheWrongContentTypeIs415()
    {
        using var response = await factory.CreateClient().PostAsync("/api/messages", Json(Message().ToString(), "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownActivityTypeIsAcknowledged()
    {
        var activity = Message();
        activity["type"] = "somethingNewFromTheFuture";
        using var response = await factory.CreateClient().PostAsync("/api/messages", Json(activity.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownFieldsAndEntitiesAreAcceptedAndTheBotStillAnswers()
    {
        factory.Predict(("faq/infusion_duration", 0.95f));
        var activity = Message("how long is it");
        activity["brandNewField"] = new JObject { ["nested"] = 1 };
        activity["entities"] = new JArray(new JObject { ["type"] = "QuotedReply", ["quotedId"] = "x" }, new JObject { ["type"] = "ProductInfo", ["id"] = 7 });
        activity["deliveryMode"] = "expectReplies";
        using var response = await factory.CreateClient().PostAsync("/api/messages", Json(activity.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = BotJson.Deserialize<ExpectedReplies>(await response.Content.ReadAsStringAsync())!;
        Assert.Single(replies.Activities);
    }

    [Fact]
    public async Task AnUnhandledInvokeIs501()
    {
        var activity = Message();
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";
        using var response = await factory.CreateClient().PostAsync("/api/messages", Json(activity.ToString()));
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task TypingAndEndOfConversationAre200()
    {
        foreach (var type in new[] { "typing", "endOfConversation", "messageReaction", "installationUpdate" })
        {
            var activity = Message();
            activity["type"] = type;
            using var response = await factory.CreateClient().PostAsync("/api/messages", Json(activity.ToString()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task HealthAnswersAtOnceAndReadinessNamesWhatIsMissing()
    {
        // This host runs no background loaders: the FAQ is scripted and the safety gate's learned layer never loads,
        // so /readyz must say so (a host is ready only with both; ReadinessTests covers the real start-up).
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"safetyModel\":\"loading\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponseCarriesAContentSecurityPolicy()
    {
        using var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
