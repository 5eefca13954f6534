using System.Diagnostics;
using Activity = System.Diagnostics.Activity;
using Chatbot.BotFramework.Schema;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Safety;

namespace Chatbot.Telemetry;

/// <summary>
/// The bot's traces (<see cref="ActivitySource"/> <c>Chatbot</c>): one span per bot turn, tagged with the activity
/// type, the channel, and what was decided (decision kind, intent id, safety risk). Never message text, names or ids a
/// patient typed: every tag value is an enum name, a known channel or activity type, or an FAQ entry id.
/// </summary>
public static class ChatbotTracing
{
    /// <summary>The activity source name, for OpenTelemetry.</summary>
    public const string SourceName = "Chatbot";

    /// <summary>The name of the span around one bot turn.</summary>
    public const string TurnSpanName = "chatbot.turn";

    private static readonly HashSet<string> KnownChannels = new(StringComparer.Ordinal)
    {
        Channels.DirectLine, Channels.Webchat, Channels.Msteams, Channels.Emulator, Channels.Test,
    };

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.ContactRelationUpdate, ActivityTypes.Typing,
        ActivityTypes.EndOfConversation, ActivityTypes.Event, ActivityTypes.Invoke, ActivityTypes.DeleteUserData,
        ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.InstallationUpdate, ActivityTypes.MessageReaction,
        ActivityTypes.Suggestion, ActivityTypes.Trace, ActivityTypes.Handoff,
    };

    /// <summary>The source of the turn spans.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Tags the current turn's span with the answer decision and the FAQ entry (intent) it chose.</summary>
    public static void TagDecision(AnswerKind kind, string? intent)
    {
        if (CurrentTurn() is { } span)
        {
            span.SetTag("chatbot.decision", kind.ToString());
            span.SetTag("chatbot.intent", intent);
        }
    }

    /// <summary>Tags the current turn's span with a safety-gate firing (risk and layer, never the rule's matched words).</summary>
    public static void TagSafety(SafetyAssessment safety)
    {
        ArgumentNullException.ThrowIfNull(safety);
        if (CurrentTurn() is { } span)
        {
            span.SetTag("chatbot.decision", "Safety");
            span.SetTag("chatbot.safety.risk", safety.Risk.ToString());
            span.SetTag("chatbot.safety.layer", safety.Layer.ToString());
        }
    }

    /// <summary>A channel id as a tag value: the known ones, else <c>other</c> (a caller controls the id).</summary>
    internal static string ChannelTag(string? channelId) =>
        channelId is not null && KnownChannels.Contains(channelId) ? channelId : "other";

    /// <summary>An activity type as a tag value: the known ones, else <c>other</c>.</summary>
    internal static string ActivityTypeTag(string? type) =>
        type is not null && KnownActivityTypes.Contains(type) ? type : "other";

    private static Activity? CurrentTurn()
    {
        for (var span = Activity.Current; span is not null; span = span.Parent)
        {
            if (ReferenceEquals(span.Source, Source) && span.OperationName == TurnSpanName)
            {
                return span;
            }
        }

        return null;
    }
}
