using System.Net;
using System.Text;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Infrastructure;

/// <summary>Talks to /api/messages the way a channel does, asking for replies in the response (expectReplies).</summary>
public sealed class BotClient(HttpClient http, string channelId = "webchat")
{
    private readonly string _conversationId = "conv-" + Guid.NewGuid().ToString("N");
    private int _sequence;

    public string ConversationId => _conversationId;

    public Task<IReadOnlyList<Activity>> SayAsync(string text) => SendAsync(Message(text));

    public Task<IReadOnlyList<Activity>> JoinAsync() => SendAsync(new JObject
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JArray(new JObject { ["id"] = "bot" }, new JObject { ["id"] = "user-1" }),
    });

    public JObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    public async Task<IReadOnlyList<Activity>> SendAsync(JObject activity)
    {
        activity["id"] ??= $"act-{Interlocked.Increment(ref _sequence)}";
        activity["channelId"] ??= channelId;
        activity["serviceUrl"] ??= "http://127.0.0.1:9/";
        activity["from"] ??= new JObject { ["id"] = "user-1", ["name"] = "Patient", ["role"] = "user" };
        activity["recipient"] ??= new JObject { ["id"] = "bot", ["name"] = "Clinic Assistant", ["role"] = "bot" };
        activity["conversation"] ??= new JObject { ["id"] = _conversationId };
        if (channelId == "msteams" && activity["channelData"] is null)
        {
            // Teams always names the tenant; staff are users of an allowed tenant (TeamsTestFactory allows this one).
            activity["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = Teams.TeamsFixtures.ClinicTenant } };
        }

        activity["deliveryMode"] = "expectReplies";
        using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return BotJson.Deserialize<ExpectedReplies>(body)!.Activities.ToList();
    }
}
