using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Chatbot.Faq.Publishing;

/// <summary>The JSON settings of the publishing files (plain DTOs, no type names).</summary>
internal static class PublishingJson
{
    public static JsonSerializerSettings Indented { get; } = Create(Formatting.Indented);

    /// <summary>One object per line, for <c>publish-history.jsonl</c>.</summary>
    public static JsonSerializerSettings Line { get; } = Create(Formatting.None);

    private static JsonSerializerSettings Create(Formatting formatting) => new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Converters = { new StringEnumConverter() },
        Formatting = formatting,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        TypeNameHandling = TypeNameHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        NullValueHandling = NullValueHandling.Include,
    };
}
