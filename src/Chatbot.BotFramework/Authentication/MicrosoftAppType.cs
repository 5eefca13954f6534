namespace Chatbot.BotFramework.Authentication;

/// <summary>The kind of Azure Bot identity (configuration key <c>MicrosoftAppType</c>).</summary>
public enum MicrosoftAppType
{
    /// <summary>Multi-tenant app registration; outbound tokens come from the <c>botframework.com</c> tenant. Creation of new ones was deprecated on 2025-07-31.</summary>
    MultiTenant,

    /// <summary>Single-tenant app registration; outbound tokens come from <c>MicrosoftAppTenantId</c>.</summary>
    SingleTenant,

    /// <summary>User-assigned managed identity; outbound tokens come from the Azure instance metadata endpoint, no secret.</summary>
    UserAssignedMSI,
}
