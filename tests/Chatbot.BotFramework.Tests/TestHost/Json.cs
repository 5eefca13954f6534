using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>Parses JSON exactly as written: date-like strings stay strings (JToken.Parse would turn them into dates).</summary>
public static class Json
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public static JObject ParseObject(string json) => (JObject)Parse(json);
}
