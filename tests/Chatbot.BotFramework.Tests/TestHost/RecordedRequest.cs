using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>One request the fake channel received.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string? ContentType, string Body)
{
    public JObject Json => TestHost.Json.ParseObject(Body);
}
