using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Chatbot.Cli;

/// <summary>Machine output for <c>--json</c>.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
    };

    public static void Write(TextWriter output, object value) => output.WriteLine(JsonConvert.SerializeObject(value, Settings));
}
