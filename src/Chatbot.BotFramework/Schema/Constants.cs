namespace Chatbot.BotFramework.Schema;

/// <summary>Activity types of the Bot Framework schema.</summary>
public static class ActivityTypes
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string DeleteUserData = "deleteUserData";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
    public const string Suggestion = "suggestion";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
#pragma warning restore CS1591
}

/// <summary>Well-known channel ids.</summary>
public static class Channels
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string DirectLine = "directline";
    public const string Webchat = "webchat";
    public const string Msteams = "msteams";
    public const string Emulator = "emulator";
    public const string Test = "test";
#pragma warning restore CS1591
}

/// <summary>Roles of a <see cref="ChannelAccount"/>.</summary>
public static class RoleTypes
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string User = "user";
    public const string Bot = "bot";
    public const string Skill = "skill";
#pragma warning restore CS1591
}

/// <summary>Delivery modes.</summary>
public static class DeliveryModes
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
#pragma warning restore CS1591
}

/// <summary>Card action types.</summary>
public static class ActionTypes
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
#pragma warning restore CS1591
}

/// <summary>Text formats.</summary>
public static class TextFormats
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
#pragma warning restore CS1591
}

/// <summary>Input hints (the swagger's values).</summary>
public static class InputHints
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
#pragma warning restore CS1591
}

/// <summary>Attachment content types.</summary>
public static class ContentTypes
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string HeroCard = "application/vnd.microsoft.card.hero";
#pragma warning restore CS1591
}

/// <summary>Values of <see cref="Activity.CallerId"/> set by the receiver after authentication (spec Appendix V).</summary>
public static class CallerIdConstants
{
    /// <summary>The caller is an Azure Bot Service channel (a Bot Connector token).</summary>
    public const string PublicAzureChannel = "urn:botframework:azure";

    /// <summary>Prefix for a caller identified by its Microsoft Entra app id (an Entra/Emulator token).</summary>
    public const string BotToBotPrefix = "urn:botframework:aadappid:";
}

/// <summary>Names of invoke activities the activity handler understands.</summary>
public static class InvokeNames
{
    /// <summary>Teams Universal Actions (<c>Action.Execute</c> on an Adaptive Card).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>Names of event activities created by the protocol layer itself.</summary>
public static class ActivityEventNames
{
    /// <summary>The event that starts a proactive turn (<c>ContinueConversationAsync</c>).</summary>
    public const string ContinueConversation = "ContinueConversation";
}

/// <summary>Values of <see cref="Activity.Action"/> on an installationUpdate.</summary>
public static class InstallationUpdateActions
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Add = "add";
    public const string AddUpgrade = "add-upgrade";
    public const string Remove = "remove";
    public const string RemoveUpgrade = "remove-upgrade";
#pragma warning restore CS1591
}

/// <summary>Types of an Adaptive Card invoke response body (<see cref="AdaptiveCardInvokeResponse.Type"/>).</summary>
public static class AdaptiveCardInvokeResponseTypes
{
    /// <summary>The value is a replacement Adaptive Card.</summary>
    public const string Card = "application/vnd.microsoft.card.adaptive";

    /// <summary>The value is a text message shown as a toast.</summary>
    public const string Message = "application/vnd.microsoft.activity.message";

    /// <summary>The value is an error <c>{code, message}</c>.</summary>
    public const string Error = "application/vnd.microsoft.error";
}
