using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// The one set of Newtonsoft.Json settings for the wire format: camelCase, nulls omitted, dates as ISO-8601,
/// no type-name handling (never on data from the wire).
/// </summary>
/// <remarks>
/// Date-like strings inside untyped content (<c>channelData</c>, <c>value</c>, unknown fields) are left as strings
/// (<see cref="DateParseHandling.None"/>) so they round-trip byte for byte; typed properties such as
/// <see cref="Activity.Timestamp"/> are still parsed. <see cref="Activity.Timestamp"/> and
/// <see cref="Activity.Expiration"/> are written in UTC with a <c>Z</c> suffix.
/// </remarks>
public static class BotJson
{
    /// <summary>Serializer settings shared by everything that reads or writes activities.</summary>
    public static JsonSerializerSettings Settings { get; } = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        TypeNameHandling = TypeNameHandling.None,
        MaxDepth = 64,
    };

    /// <summary>A serializer built from <see cref="Settings"/>.</summary>
    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    /// <summary>Serializes to wire JSON.</summary>
    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>Deserializes wire JSON (property names are matched case-insensitively).</summary>
    public static T? Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings);
}
