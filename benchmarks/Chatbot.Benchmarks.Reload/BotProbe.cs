using System.Text;
using Newtonsoft.Json.Linq;

namespace Chatbot.Benchmarks.Reload;

/// <summary>One reply of the bot: its text and the titles of its buttons.</summary>
internal sealed record BotReply(string Text, IReadOnlyList<string> Buttons);

/// <summary>Asks the bot over /api/messages with <c>deliveryMode: expectReplies</c>, as a channel does.</summary>
internal sealed class BotProbe(HttpClient http)
{
    private long _sequence;

    /// <summary>Sends one message and returns the first message reply; throws on a non-200 answer or no reply.</summary>
    public async Task<BotReply> AskAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _sequence);
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = $"reload-{id}",
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new JObject { ["id"] = "user-" + conversationId, ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "bot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["deliveryMode"] = "expectReplies",
            ["text"] = text,
        };
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {body}");
        }

        var message = JObject.Parse(body)["activities"]?.FirstOrDefault(a => (string?)a["type"] == "message")
            ?? throw new InvalidOperationException("no message in the reply: " + body);
        var buttons = message["suggestedActions"]?["actions"]?.Select(a => (string?)a["title"] ?? string.Empty).ToList() ?? [];
        return new BotReply((string?)message["text"] ?? string.Empty, buttons);
    }
}
