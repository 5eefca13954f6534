using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Builder;

/// <summary>
/// Runs turns and delivers what the bot sends (the SDK's <c>BotAdapter</c>): a middleware pipeline, an
/// <see cref="OnTurnError"/> hook, and the transport for outgoing activities supplied by a subclass.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>The middleware that runs before the bot on every turn, in order.</summary>
    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>
    /// Called when the bot or a middleware throws. Set it at startup (not thread-safe to change while turns run).
    /// </summary>
    /// <value>The default is <see langword="null"/>: the exception is logged by the adapter and the turn ends.</value>
    public TurnErrorHandler? OnTurnError { get; set; }

    /// <summary>Adds <paramref name="middleware"/> to the pipeline; call at startup only.</summary>
    /// <returns>This adapter, for chaining.</returns>
    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    /// <summary>Delivers outgoing activities whose routing fields are already complete.</summary>
    /// <param name="turnContext">The turn they belong to.</param>
    /// <param name="activities">The activities, in order.</param>
    /// <param name="cancellationToken">Cancels delivery.</param>
    /// <returns>One response per activity, in the same order.</returns>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier (<see cref="Activity.Id"/> names it).</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="activity">The new content, with the id of the activity to replace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel's response.</returns>
    public abstract Task<ResourceResponse> UpdateActivityAsync(
        ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    /// <summary>Deletes an activity the bot sent earlier.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="reference">The conversation, with <see cref="ConversationReference.ActivityId"/> naming the activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public abstract Task DeleteActivityAsync(
        ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>Starts a proactive turn in a known conversation and runs <paramref name="callback"/> in it.</summary>
    /// <param name="reference">The conversation, usually stored from an earlier authenticated activity.</param>
    /// <param name="callback">What to do in the turn (typically send a message).</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    public abstract Task ContinueConversationAsync(
        ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the middleware and then <paramref name="callback"/>; an exception goes to <see cref="OnTurnError"/> when
    /// one is set (cancellation of <paramref name="cancellationToken"/> does not), otherwise it propagates.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="callback">The bot.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(callback);
        try
        {
            await MiddlewareSet.ReceiveActivityAsync(turnContext, callback, cancellationToken);
        }
        catch (Exception exception) when (OnTurnError is not null
            && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await OnTurnError(turnContext, exception, cancellationToken);
        }
    }
}
