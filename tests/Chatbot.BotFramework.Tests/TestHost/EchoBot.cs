using System.Collections.Concurrent;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>
/// Echoes messages (<c>echo: …</c>), throws on <c>throw</c>, welcomes added members, answers invoke <c>test/ok</c>
/// and Adaptive Card actions, and records every activity it saw.
/// </summary>
public sealed class EchoBot : ActivityHandler
{
    public ConcurrentQueue<Activity> Seen { get; } = new();

    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        Seen.Enqueue(turnContext.Activity);
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        if (text.StartsWith("throw", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The bot failed on purpose.");
        }

        await turnContext.SendActivityAsync($"echo: {text}", cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync($"welcome {membersAdded.Count}", cancellationToken);

    protected override async Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Name == "test/ok"
            ? new InvokeResponse(200, new JObject { ["ok"] = true })
            : await base.OnInvokeActivityAsync(turnContext, cancellationToken);

    protected override Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult<AdaptiveCardInvokeResponse?>(AdaptiveCardInvokeResponse.Message($"done: {invokeValue.Action!.Verb}"));
}
