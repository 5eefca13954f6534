using Chatbot.BotFramework.Teams;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.WebChat;
using Chatbot.Patients.Feedback;
using Chatbot.Patients.Handoff;
using Chatbot.Knowledge;
using Chatbot.Staff.Teams;

namespace Chatbot.Patients;

/// <summary>
/// The clinic bot: which activity is which, and nothing else. Every turn that touches a conversation runs through
/// <see cref="ConversationTurns"/> (state loaded once, saved once, re-run on a conflict); messages go to the
/// <see cref="TurnRouter"/>. Teams' tenant gate and reply shaping run before this, as <see cref="TeamsMiddleware"/>.
/// </summary>
public sealed class ClinicBot(
    ConversationTurns turns,
    TurnRouter router,
    HandoffService handoff,
    AnswerFeedbackService feedback,
    StaffCommands staffCommands,
    StaffCardActions staffCardActions,
    FaqKnowledgeProvider knowledgeProvider,
    BotReplies replies,
    ConversationStateAccessor stateAccessor,
    TimeProvider timeProvider) : ActivityHandler
{
    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Staff commands in Teams come before the gate: `why <question>` must be able to show what the gate does
        // with a phrase without starting a crisis hand-off for the staff member (decisions.md, Teams).
        if (TeamsActivity.IsTeams(turnContext.Activity) && await staffCommands.TryHandleAsync(turnContext, MessageText.Of(turnContext.Activity), cancellationToken))
        {
            return;
        }

        await turns.RunAsync(turnContext, state => router.RouteMessageAsync(turnContext, state, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, staff: false, cancellationToken);

    /// <inheritdoc />
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!TeamsActivity.IsTeams(activity))
        {
            await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
        }
        else if (activity.MembersAdded?.Any(m => string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true)
        {
            // Teams: greet once when the bot itself is added; people joining a team or chat get nothing (no channel spam).
            await WelcomeOnceAsync(turnContext, staff: true, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        TeamsActivity.IsTeams(turnContext.Activity) ? WelcomeOnceAsync(turnContext, staff: true, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        TeamsActivity.IsTeams(turnContext.Activity) ? await staffCardActions.OnActionAsync(turnContext, invokeValue, cancellationToken) : null;

    /// <inheritdoc />
    protected override async Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var name = turnContext.Activity.Name;
        if (string.Equals(name, "webchat/join", StringComparison.Ordinal))
        {
            // Web Chat's recommended welcome trigger: the page posts this event after it connects.
            await WelcomeOnceAsync(turnContext, staff: false, cancellationToken);
        }
        else if (string.Equals(name, HandoffService.StatusEventName, StringComparison.Ordinal))
        {
            await turns.RunAsync(turnContext, state => handoff.OnStatusAsync(turnContext, state, cancellationToken), cancellationToken);
        }
        else if (string.Equals(name, WebChatFeedback.EventName, StringComparison.Ordinal))
        {
            await turns.RunAsync(turnContext, state => feedback.OnPressAsync(turnContext, state, cancellationToken), cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        stateAccessor.DeleteAsync(ConversationStateAccessor.KeyFor(turnContext), cancellationToken);

    private Task WelcomeOnceAsync(ITurnContext turnContext, bool staff, CancellationToken cancellationToken) =>
        turns.RunAsync(turnContext, async state =>
        {
            if (state.Welcomed)
            {
                return;
            }

            var welcome = staff ? replies.StaffWelcome() : replies.Welcome(await knowledgeProvider.WaitAsync(TurnRouter.KnowledgeWait, cancellationToken));
            await turnContext.SendActivityAsync(welcome, cancellationToken);
            state.Welcomed = true;
            state.LastTurnAt = timeProvider.GetUtcNow();
        }, cancellationToken);
}
