using System.ComponentModel.DataAnnotations;

namespace Chatbot.BotFramework.Integration;

/// <summary>How <c>/api/messages</c> reads requests and logs turns (section <c>BotFramework</c>).</summary>
public sealed class BotFrameworkAdapterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "BotFramework";

    /// <summary>The largest accepted request body in bytes (<c>BotFramework:MaxRequestBodyBytes</c>); larger bodies get 413.</summary>
    /// <value>The default is 262144 (256 KB).</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Log the text of incoming activities at Debug level (<c>BotFramework:LogActivityText</c>). Patient questions may
    /// contain health information: leave off outside local debugging. Text is never logged at Information or above.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogActivityText { get; set; }
}
