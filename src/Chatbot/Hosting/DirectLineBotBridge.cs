using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Integration;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Hosting;

/// <summary>
/// Runs Direct Line turns through the same adapter and bot as <c>/api/messages</c>, in-process. The turns carry the
/// adapter's in-process identity, which keys their state apart from anything <c>/api/messages</c> can address.
/// </summary>
public sealed class DirectLineBotBridge(CloudAdapter adapter, IBot bot) : IDirectLineBot
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        adapter.ProcessInProcessAsync(activity, bot, cancellationToken);
}
