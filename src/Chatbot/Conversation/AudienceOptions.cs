namespace Chatbot.Conversation;

/// <summary>Who counts as staff: Teams users of the clinic's tenants.</summary>
public sealed class AudienceOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Teams";

    /// <summary>
    /// Microsoft Entra tenant ids whose Teams users are clinic staff. Empty: in anonymous development mode (no
    /// <c>MicrosoftAppId</c>) any Teams tenant counts as staff; with an app id, none does.
    /// </summary>
    public IList<string> AllowedTenantIds { get; set; } = [];
}
