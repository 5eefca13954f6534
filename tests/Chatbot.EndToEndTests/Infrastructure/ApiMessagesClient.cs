using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>One bot reply: its text and the titles of its suggested actions.</summary>
public sealed record BotReply(string Text, IReadOnlyList<string> SuggestedActions);

/// <summary>Asks the bot through /api/messages with <c>deliveryMode: expectReplies</c> (anonymous, as a channel would).</summary>
public sealed class ApiMessagesClient(HttpClient http)
{
    public async Task<IReadOnlyList<BotReply>> AskAsync(string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "probe-" + Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new JsonObject { ["id"] = "probe-user", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "probe-" + Guid.NewGuid().ToString("N") },
            ["text"] = text,
            ["deliveryMode"] = "expectReplies",
        };
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}: {body}");
        var activities = JsonNode.Parse(body)?["activities"]?.AsArray() ?? [];
        return activities
            .Where(a => (string?)a?["type"] == "message")
            .Select(a => new BotReply(
                (string?)a!["text"] ?? string.Empty,
                a["suggestedActions"]?["actions"]?.AsArray().Select(x => (string?)x?["title"] ?? string.Empty).ToList() ?? []))
            .ToList();
    }
}
