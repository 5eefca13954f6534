using System.Security.Claims;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Builder;

/// <summary>
/// One turn of a conversation: the incoming activity and the means to answer it (the SDK's <c>ITurnContext</c>).
/// Outgoing activities are completed from the incoming one (conversation, channel, from/recipient swap, replyToId).
/// </summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>The authenticated caller (anonymous in development mode).</summary>
    ClaimsIdentity Identity { get; }

    /// <summary>Per-turn values shared between middleware and the bot.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once the bot sent at least one activity this turn.</summary>
    bool Responded { get; }

    /// <summary>Set by the bot to answer an invoke activity; an invoke left without one is answered 501.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Sends a message with the given text (Markdown).</summary>
    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken);

    /// <summary>Sends an activity; missing routing fields are filled in from the incoming activity.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Sends several activities in order.</summary>
    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a handler that every later send of this turn passes through (the SDK's <c>OnSendActivities</c>): it sees the
    /// activities after routing, may change, replace or hold them back, and calls <c>next</c> to send. Handlers run
    /// in the order they were added.
    /// </summary>
    /// <returns>This turn, to chain calls.</returns>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}

/// <summary>
/// A step every send of a turn passes through (see <see cref="ITurnContext.OnSendActivities"/>). It returns one response
/// per activity in <paramref name="activities"/> as it received them, whatever it passed on to <paramref name="next"/>.
/// </summary>
/// <param name="turnContext">The turn.</param>
/// <param name="activities">The activities being sent, routing already filled in; the handler may edit the list.</param>
/// <param name="next">Sends the (possibly edited) list through the remaining handlers and to the channel.</param>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);
