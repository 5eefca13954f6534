using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.Tests.TestHost;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.Schema;

public sealed class ActivitySerializationTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1712345678901",
          "timestamp": "2026-05-01T10:00:00.123Z",
          "localTimestamp": "2026-05-01T12:00:00.123+02:00",
          "localTimezone": "Europe/Berlin",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "channelId": "msteams",
          "from": { "id": "29:abc", "name": "Pat", "aadObjectId": "aad-1", "userPrincipalName": "pat@example.org" },
          "conversation": { "id": "a:xyz", "conversationType": "personal", "tenantId": "t1", "futureFlag": { "x": [1, 2] } },
          "recipient": { "id": "28:app", "name": "Clinic Bot" },
          "textFormat": "plain",
          "text": "When are you open?",
          "attachments": [ { "contentType": "text/html", "content": "<div>When are you open?</div>", "layoutHint": "inline" } ],
          "entities": [
            { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web", "timezone": "America/New_York" },
            { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": false, "supportsTts": false },
            { "type": "ProductInfo", "id": "COPILOT" },
            { "type": "QuotedReply", "quotedReply": { "messageId": "17", "sender": { "id": "29:x" }, "preview": "hi", "when": "2026-05-01T09:00:00.000Z" } }
          ],
          "channelData": { "tenant": { "id": "t1" }, "eventType": "x", "sentAt": "2026-05-01T10:00:00.000Z", "n": 1.0 },
          "locale": "en-US",
          "brandNewTopLevelField": { "nested": [ true, null, "2026-01-01T00:00:00Z" ] }
        }
        """;

    [Fact]
    public void RoundTripKeepsEveryUnknownFieldEntityAndDateStringUnchanged()
    {
        var activity = BotJson.Deserialize<Activity>(TeamsMessage)!;

        var written = Json.Parse(BotJson.Serialize(activity));

        Assert.True(JToken.DeepEquals(Json.Parse(TeamsMessage), written), written.ToString());
        Assert.Equal("pat@example.org", (string?)activity.From!.Properties["userPrincipalName"]);
        Assert.Equal("inline", (string?)activity.Attachments![0].Properties["layoutHint"]);
        Assert.Equal(["clientInfo", "ClientCapabilities", "ProductInfo", "QuotedReply"], activity.Entities!.Select(e => e.Type));
    }

    [Fact]
    public void UnknownActivityTypeRoundTrips()
    {
        const string json = """{"type":"someFutureType","id":"1","futureField":{"a":1}}""";

        var activity = BotJson.Deserialize<Activity>(json)!;

        Assert.Equal("someFutureType", activity.Type);
        Assert.True(JToken.DeepEquals(Json.Parse(json), Json.Parse(BotJson.Serialize(activity))));
    }

    [Fact]
    public void PropertyNamesAreMatchedCaseInsensitivelyAndWrittenCamelCase()
    {
        var activity = BotJson.Deserialize<Activity>("""{"Type":"message","TEXT":"hi","From":{"ID":"u1"},"ReplyToId":"r"}""")!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("hi", activity.Text);
        Assert.Equal("u1", activity.From!.Id);
        Assert.Equal("""{"type":"message","from":{"id":"u1"},"text":"hi","replyToId":"r"}""", BotJson.Serialize(activity));
    }

    [Fact]
    public void NullsAreOmitted()
    {
        var json = BotJson.Serialize(new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = "b" } });

        Assert.Equal("""{"type":"typing","from":{"id":"b"}}""", json);
    }

    [Fact]
    public void TimestampIsWrittenInUtcWithZAndLocalTimestampKeepsItsOffset()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            LocalTimestamp = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            Expiration = new DateTimeOffset(2026, 5, 1, 10, 30, 0, 500, TimeSpan.Zero),
        };

        var json = Json.ParseObject(BotJson.Serialize(activity));

        Assert.Equal("2026-05-01T10:00:00Z", (string?)json["timestamp"]);
        Assert.Equal("2026-05-01T10:30:00.5Z", (string?)json["expiration"]);
        Assert.StartsWith("2026-05-01T12:00:00+02:00", (string?)json["localTimestamp"], StringComparison.Ordinal);
    }

    [Fact]
    public void TimestampWithOffsetIsReadAsTheSameInstant()
    {
        var activity = BotJson.Deserialize<Activity>("""{"type":"message","timestamp":"2026-05-01T12:00:00+02:00"}""")!;

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), activity.Timestamp);
    }

    [Fact]
    public void ErrorResponseKeepsTeamsSubCode()
    {
        var error = BotJson.Deserialize<ErrorResponse>("""{"error":{"code":"Forbidden","message":"blocked","subCode":"MessageWritesBlocked"}}""")!;

        Assert.Equal("Forbidden", error.Error!.Code);
        Assert.Equal("MessageWritesBlocked", (string?)error.Error.Properties["subCode"]);
    }
}
