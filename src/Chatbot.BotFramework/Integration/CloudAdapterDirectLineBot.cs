using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Integration;

/// <summary>
/// The default <see cref="IDirectLineBot"/>: runs Direct Line turns through the same adapter, middleware and bot as
/// <c>/api/messages</c>, in-process. The turns carry the
/// adapter's in-process identity, which keys their state apart from anything <c>/api/messages</c> can address.
/// </summary>
public sealed class CloudAdapterDirectLineBot(CloudAdapter adapter, IBot bot) : IDirectLineBot
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        adapter.ProcessInProcessAsync(activity, bot, cancellationToken);
}
