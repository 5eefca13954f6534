using System.Diagnostics;
using Chatbot.BotFramework.Builder;
using BotMiddleware = Chatbot.BotFramework.Builder.IMiddleware;

namespace Chatbot.Telemetry;

/// <summary>
/// The first step of every turn (Direct Line and <c>/api/messages</c>): opens the <c>chatbot.turn</c> span and counts
/// the turn and its duration. The bot adds the decision tags (<see cref="ChatbotTracing.TagDecision"/>).
/// </summary>
public sealed class TurnTelemetryMiddleware(ChatbotMetrics metrics, TimeProvider timeProvider) : BotMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var type = ChatbotTracing.ActivityTypeTag(turnContext.Activity.Type);
        var channel = ChatbotTracing.ChannelTag(turnContext.Activity.ChannelId);
        using var span = ChatbotTracing.Source.StartActivity(ChatbotTracing.TurnSpanName, ActivityKind.Internal);
        span?.SetTag("chatbot.activity.type", type);
        span?.SetTag("chatbot.channel", channel);
        var started = timeProvider.GetTimestamp();
        var failed = false;
        try
        {
            await next(cancellationToken);
        }
        catch (Exception ex)
        {
            failed = true;

            // The exception's type only: a message may quote what was sent.
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            span?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
        finally
        {
            metrics.Turn(type, channel, timeProvider.GetElapsedTime(started), failed);
        }
    }
}
