using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>Activity JSON as channels send it.</summary>
public static class Activities
{
    public static JObject Message(string serviceUrl, string conversationId, string text, string id = "m1", string channelId = "emulator") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = "user1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JObject { ["id"] = "bot1", ["name"] = "Clinic Bot" },
        ["conversation"] = new JObject { ["id"] = conversationId },
        ["text"] = text,
        ["locale"] = "en-US",
    };

    public static JObject Invoke(string serviceUrl, string conversationId, string name, JToken? value = null)
    {
        var activity = Message(serviceUrl, conversationId, text: string.Empty, id: "inv1", channelId: "msteams");
        activity["type"] = "invoke";
        activity.Remove("text");
        activity["name"] = name;
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }
}
