using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Teams;

/// <summary>Teams-shaped activities (Teams/Fixtures/*.json, modelled on the msteams-docs examples) and their ids.</summary>
internal static class TeamsFixtures
{
    public const string ClinicTenant = "11111111-2222-3333-4444-555555555555";
    public const string OtherTenant = "99999999-8888-7777-6666-555555555555";
    public const string BotId = "28:00000000-aaaa-bbbb-cccc-000000000001";
    public const string TeamId = "19:0a1b2c3d4e5f40718293a4b5c6d7e8f9@thread.tacv2";
    public const string ChannelId = "19:9f7c2f4b0e7e4f3c8b6d1a2b3c4d5e6f@thread.tacv2";
    public const string DanaAadObjectId = "6b9b4c1e-3c6f-4b1f-9a57-2f7f6f2c9d11";
    public const string SamAadObjectId = "0c2e8d0a-8b8a-4d8f-8b41-8f7c0d5d3e22";

    /// <summary>A fresh copy of a fixture, with a unique conversation id (so tests don't share state) unless told otherwise.</summary>
    public static JObject Load(string name, bool uniqueConversation = true)
    {
        var json = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", name + ".json")));
        if (uniqueConversation)
        {
            var id = (string)json["conversation"]!["id"]!;
            json["conversation"]!["id"] = id.Replace("a:1", "a:1" + Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal)
                .Replace("@thread", "-" + Guid.NewGuid().ToString("N")[..8] + "@thread", StringComparison.Ordinal);
        }

        return json;
    }

    /// <summary>A personal-chat message from Dana (clinic tenant) saying <paramref name="text"/>.</summary>
    public static JObject Personal(string text)
    {
        var json = Load("personal-message");
        json["text"] = text;
        json["attachments"] = new JArray(new JObject { ["contentType"] = "text/html", ["content"] = "<div>" + text + "</div>" });
        return json;
    }

    /// <summary>A channel message from Sam that @mentions the bot and then says <paramref name="text"/>.</summary>
    public static JObject Channel(string text)
    {
        var json = Load("channel-message");
        json["text"] = "<at>Clinic Assistant</at> " + text;
        json.Remove("attachments");
        return json;
    }

    /// <summary>Moves an activity into another tenant (both places Teams carries it).</summary>
    public static JObject InTenant(this JObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }

    /// <summary>Points an activity's replies at a (fake) Connector.</summary>
    public static JObject WithServiceUrl(this JObject activity, string serviceUrl)
    {
        activity["serviceUrl"] = serviceUrl;
        return activity;
    }
}
