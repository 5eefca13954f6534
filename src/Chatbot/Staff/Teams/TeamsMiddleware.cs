using Chatbot.BotFramework.Teams;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Integration;
using Chatbot.BotFramework.Schema;
using Chatbot.Patients;

namespace Chatbot.Staff.Teams;

/// <summary>
/// Microsoft Teams before the bot: the tenant allow-list first (another tenant gets a polite refusal and nothing else),
/// the conversation reference kept for staff notifications (forgotten on uninstall), and replies reshaped for Teams.
/// Other channels pass through untouched.
/// </summary>
public sealed partial class TeamsMiddleware(
    AudienceResolver audience,
    TeamsConversationRecorder conversations,
    BotReplies replies,
    ILogger<TeamsMiddleware> logger) : Chatbot.BotFramework.Builder.IMiddleware
{
    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!TeamsActivity.IsTeams(activity))
        {
            await next(cancellationToken);
            return;
        }

        if (turnContext.TurnState.ContainsKey(CloudAdapter.ProactiveTurnKey))
        {
            // The bot's own post (a staff notification): nothing came in to screen or remember.
            turnContext.OnSendActivities(TeamsReplyShaping.OnSendAsync);
            await next(cancellationToken);
            return;
        }

        if (!audience.IsAllowedTenant(activity))
        {
            await RefuseTenantAsync(turnContext, cancellationToken);
            return;
        }

        if (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action?.StartsWith(InstallationUpdateActions.Remove, StringComparison.OrdinalIgnoreCase) == true)
        {
            await conversations.ForgetAsync(activity, cancellationToken);
        }
        else
        {
            await conversations.RememberAsync(activity, cancellationToken);
        }

        turnContext.OnSendActivities(TeamsReplyShaping.OnSendAsync);
        await next(cancellationToken);
    }

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

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Teams {ActivityType} activity {ActivityId} refused: no Bot Connector token, or its tenant is not in Chatbot:Teams:AllowedTenantIds")]
        public static partial void TenantRefused(ILogger logger, string? activityType, string? activityId);
    }
}
