using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Teams;

namespace Chatbot.Conversation;

/// <content>
/// Microsoft Teams: the tenant allow-list before anything else, conversation references for staff notifications,
/// the staff welcome on install, Teams-shaped replies, and the staff cards' <c>Action.Execute</c> invokes.
/// </content>
public sealed partial class ClinicBot
{
    /// <inheritdoc />
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (!TeamsActivity.IsTeams(activity))
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            return;
        }

        if (!audience.IsAllowedTenant(activity))
        {
            await RefuseTenantAsync(turnContext, cancellationToken);
            return;
        }

        if (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action?.StartsWith(InstallationUpdateActions.Remove, StringComparison.OrdinalIgnoreCase) == true)
        {
            await teamsConversations.ForgetAsync(activity, cancellationToken);
        }
        else
        {
            await teamsConversations.RememberAsync(activity, cancellationToken);
        }

        await base.OnTurnAsync(new TeamsTurnContext(turnContext), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (!TeamsActivity.IsTeams(activity))
        {
            await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
            return;
        }

        // Teams: greet once when the bot itself is added; people joining a team or chat get nothing (no channel spam).
        if (activity.MembersAdded?.Any(m => string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true)
        {
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

    /// <summary>Another tenant: a polite refusal to a person's message or install, an error to a card action, nothing else.</summary>
    private async Task RefuseTenantAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        Log.TenantRefused(logger, activity.Type, activity.Id);
        if (activity.IsType(ActivityTypes.Invoke))
        {
            turnContext.InvokeResponse = string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal)
                ? new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(403, "Forbidden", "This assistant is only available to the clinic's staff."))
                : new InvokeResponse(403);
            return;
        }

        var addedHere = activity.IsType(ActivityTypes.InstallationUpdate)
            && string.Equals(activity.Action, InstallationUpdateActions.Add, StringComparison.OrdinalIgnoreCase);
        if (activity.IsType(ActivityTypes.Message) || addedHere)
        {
            await turnContext.SendActivityAsync(replies.TenantRefused(), cancellationToken);
        }
    }
}
