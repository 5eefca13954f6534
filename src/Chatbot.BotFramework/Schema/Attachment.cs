using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>A card or a file attached to an activity.</summary>
public sealed class Attachment
{
    /// <summary>MIME type, e.g. <c>application/vnd.microsoft.card.adaptive</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Where the content can be downloaded (not together with <see cref="Content"/>).</summary>
    public string? ContentUrl { get; set; }

    /// <summary>Inline content, e.g. card JSON.</summary>
    public JToken? Content { get; set; }

    /// <summary>File name.</summary>
    public string? Name { get; set; }

    /// <summary>Thumbnail URL.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
