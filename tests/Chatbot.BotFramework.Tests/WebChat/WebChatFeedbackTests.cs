using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.WebChat;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.WebChat;

/// <summary>The wire shape Web Chat 4.18 needs for its 👍/👎 buttons, and reading the event it posts back.</summary>
public sealed class WebChatFeedbackTests
{
    [Fact]
    public void TheRequestIsTheRootSchemaOrgMessageWithALikeAndADislikeAction()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "answer", Entities = [WebChatFeedback.Request("abc123")] };

        var entity = (JObject)JObject.Parse(BotJson.Serialize(activity))["entities"]![0]!;

        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal("https://schema.org", (string?)entity["@context"]);
        Assert.Equal(string.Empty, (string?)entity["@id"]); // Web Chat only reads the message entity whose @id is ""
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Equal(
            [("LikeAction", "_:like-abc123"), ("DislikeAction", "_:dislike-abc123")],
            entity["potentialAction"]!.Select(a => ((string?)a["@type"], (string?)a["@id"])));
    }

    [Theory]
    [InlineData("LikeAction", "_:like-abc123", true)]
    [InlineData("DislikeAction", "_:dislike-abc123", false)]
    public void APressNamesTheMessageAndTheVote(string type, string id, bool expectedLiked)
    {
        var press = Event(WebChatFeedback.EventName, new JObject { ["@type"] = type, ["@id"] = id, ["name"] = "ignored" });

        Assert.True(WebChatFeedback.TryReadPress(press, out var feedbackId, out var liked));
        Assert.Equal(("abc123", expectedLiked), (feedbackId, liked));
    }

    [Fact]
    public void APressThatSurvivesAJsonRoundTripIsStillRead()
    {
        var json = """{"type":"event","name":"webchat:activity-status/feedback","entities":[{"@type":"DislikeAction","@id":"_:dislike-f00d"}],"from":{"id":"u"}}""";

        Assert.True(WebChatFeedback.TryReadPress(BotJson.Deserialize<Activity>(json)!, out var feedbackId, out var liked));
        Assert.Equal(("f00d", false), (feedbackId, liked));
    }

    public static TheoryData<string, JObject?> NotAPress => new()
    {
        { "webchat/join", new JObject { ["@type"] = "LikeAction", ["@id"] = "_:like-abc" } },                     // another event
        { WebChatFeedback.EventName, null },                                                                       // no entity
        { WebChatFeedback.EventName, new JObject { ["@type"] = "LikeAction", ["@id"] = 7 } },                     // @id not text
        { WebChatFeedback.EventName, new JObject { ["@type"] = "LikeAction", ["@id"] = "_:dislike-abc" } },       // type and id disagree
        { WebChatFeedback.EventName, new JObject { ["@type"] = "VoteAction", ["@id"] = "_:like-abc" } },          // not ours
        { WebChatFeedback.EventName, new JObject { ["@type"] = "LikeAction", ["@id"] = "_:like-" } },             // no id after the prefix
        { WebChatFeedback.EventName, new JObject { ["@type"] = new JArray("LikeAction"), ["@id"] = "_:like-a" } }, // @type not text
    };

    [Theory]
    [MemberData(nameof(NotAPress))]
    public void AnythingElseIsNotAPress(string name, JObject? entity) =>
        Assert.False(WebChatFeedback.TryReadPress(Event(name, entity), out _, out _));

    [Fact]
    public void AMessageIsNotAPressEvenWithTheEntity() =>
        Assert.False(WebChatFeedback.TryReadPress(
            new Activity { Type = ActivityTypes.Message, Name = WebChatFeedback.EventName, Entities = [Entity(new JObject { ["@type"] = "LikeAction", ["@id"] = "_:like-a" })] },
            out _, out _));

    private static Activity Event(string name, JObject? entity) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        Entities = entity is null ? null : [Entity(entity)],
    };

    private static Entity Entity(JObject properties) =>
        new() { Properties = properties.Properties().ToDictionary(p => p.Name, p => p.Value) };
}
