using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Tests.Builder;

/// <summary>An adapter that records what would have been sent.</summary>
public sealed class TestAdapter : BotAdapter
{
    public List<Activity> Sent { get; } = [];

    public TurnContext CreateTurn(Activity activity, bool buffer = false) => new(this, activity, identity: null, buffer);

    public Task RunAsync(TurnContext turn, IBot bot) => RunPipelineAsync(turn, bot.OnTurnAsync, CancellationToken.None);

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        Sent.AddRange(activities);
        return Task.FromResult(activities.Select((_, i) => new ResourceResponse($"sent-{Sent.Count - activities.Count + i}")).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse(activity.Id));

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        callback(new TurnContext(this, reference.GetContinuationActivity()), cancellationToken);
}
