using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// The bot behind the Direct Line server: runs one turn in-process and hands back what the bot said. This is the
/// only thing the server knows about the bot, so it stays independent of the adapter.
/// </summary>
/// <remarks>
/// The server calls this once per recorded user activity (and once with a <c>conversationUpdate</c> when a
/// conversation starts), never concurrently for the same activity. The activity is a private copy: the
/// implementation may change it. Turns of one conversation may overlap if a user posts again while a slow turn is
/// still running; the bot's own state store must cope (ETags). The server waits at most
/// <see cref="DirectLineOptions.BotTimeout"/> before answering the client; replies that arrive later are still
/// recorded. Exceptions are logged and reported to the client as <c>502 BotError</c>; an implementation should
/// handle its own errors (send an apology) rather than throw.
/// </remarks>
public interface IDirectLineBot
{
    /// <summary>Runs one turn for <paramref name="activity"/> and returns the bot's replies in the order it sent them.</summary>
    /// <param name="activity">The normalized incoming activity: <c>channelId</c> <c>webchat</c>, server <c>id</c> and
    /// <c>timestamp</c>, <c>from</c> the user, <c>recipient</c> the bot, <c>serviceUrl</c> this server.</param>
    /// <param name="cancellationToken">Cancelled when the host shuts down.</param>
    /// <returns>The activities the bot sent during the turn (possibly none). The server assigns their ids and timestamps.</returns>
    Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken);
}
