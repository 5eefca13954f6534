namespace Chatbot.BotFramework.Builder;

/// <summary>An ordered list of <see cref="IMiddleware"/> that runs a turn through each one and then the bot.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    /// <summary>The middleware in the order it runs.</summary>
    public IReadOnlyList<IMiddleware> Items => _middleware;

    /// <summary>Appends <paramref name="middleware"/>; call at startup only (the list is not thread-safe).</summary>
    /// <returns>This set, for chaining.</returns>
    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <inheritdoc />
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) =>
        RunAsync(turnContext, 0, ct => next(ct), cancellationToken);

    /// <summary>Runs every middleware and then <paramref name="callback"/> (if any middleware lets the turn through).</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="callback">The bot.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    public Task ReceiveActivityAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(callback);
        return RunAsync(turnContext, 0, ct => callback(turnContext, ct), cancellationToken);
    }

    private Task RunAsync(ITurnContext turnContext, int index, NextDelegate last, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return last(cancellationToken);
        }

        return _middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, index + 1, last, ct), cancellationToken);
    }
}
