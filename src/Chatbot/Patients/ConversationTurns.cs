using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Conversations;

namespace Chatbot.Patients;

/// <summary>
/// Runs a turn over its conversation's state: load once, let the turn change it, save once. Replies are held until the
/// save succeeded. When another turn of the same conversation saved first (an ETag conflict: a double-clicked button, a
/// second instance), this turn's replies are dropped and the turn runs again on the newer state — as the Bot Framework
/// scale-out sample does — so both turns take effect and the patient sees the replies of the run that counted.
/// </summary>
public sealed partial class ConversationTurns(ConversationStateAccessor accessor, ILogger<ConversationTurns> logger)
{
    /// <summary>How many times a turn runs before a conflict is given up (to the turn error handler).</summary>
    public const int MaxAttempts = 3;

    /// <summary>Runs <paramref name="turn"/> over the state of <paramref name="turnContext"/>'s conversation.</summary>
    public async Task RunAsync(ITurnContext turnContext, Func<ConversationState, Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);
        var key = ConversationStateAccessor.KeyFor(turnContext);
        var replies = new HeldReplies();
        turnContext.OnSendActivities(replies.OnSendAsync);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (state, etag) = await accessor.LoadAsync(key, cancellationToken);
                await turn(state);
                try
                {
                    await accessor.SaveAsync(key, state, etag, cancellationToken);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    Log.ReRun(logger, turnContext.Activity.Id, attempt);
                    replies.Drop();
                }
            }
        }
        finally
        {
            // Saved: the replies go out. Failed: what the turn had to say still goes out before the error handler's
            // apology (a crisis reply must never be swallowed), and later sends are not held any more.
            await replies.ReleaseAsync();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId}: conversation state changed during the turn (attempt {Attempt}); running the turn again")]
        public static partial void ReRun(ILogger logger, string? activityId, int attempt);
    }

    /// <summary>The sends of a turn, held back until its state is saved.</summary>
    private sealed class HeldReplies
    {
        private readonly List<Func<Task<ResourceResponse[]>>> _held = [];
        private bool _released;

        public Task<ResourceResponse[]> OnSendAsync(ITurnContext turn, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
        {
            if (_released)
            {
                return next();
            }

            _held.Add(next);
            return Task.FromResult<ResourceResponse[]>([.. activities.Select(_ => new ResourceResponse(null))]);
        }

        public void Drop() => _held.Clear();

        public async Task ReleaseAsync()
        {
            if (_released)
            {
                return;
            }

            _released = true;
            foreach (var send in _held)
            {
                await send();
            }

            _held.Clear();
        }
    }
}
