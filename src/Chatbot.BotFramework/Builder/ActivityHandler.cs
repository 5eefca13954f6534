using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Builder;

/// <summary>
/// A bot that dispatches each turn on the activity type to a virtual method (the SDK's <c>ActivityHandler</c>).
/// Every method does nothing by default, so unknown or unhandled activities are ignored (HTTP 200) and an
/// unhandled invoke is answered 501.
/// </summary>
public abstract partial class ActivityHandler : IBot
{
    /// <inheritdoc />
    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turnContext.Activity);
        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.MessageReaction => OnMessageReactionActivityAsync(turnContext, cancellationToken),
            ActivityTypes.MessageUpdate => OnMessageUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.MessageDelete => OnMessageDeleteActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Event => OnEventActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => RunInvokeAsync(turnContext, cancellationToken),
            ActivityTypes.Typing => OnTypingActivityAsync(turnContext, cancellationToken),
            ActivityTypes.EndOfConversation => OnEndOfConversationActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            _ => OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken),
        };
    }

    /// <summary>A <c>message</c>: text, card submit (<see cref="Activity.Value"/>), or attachments.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A <c>conversationUpdate</c>: calls <see cref="OnMembersAddedAsync"/> and <see cref="OnMembersRemovedAsync"/>
    /// with the members other than the bot (id different from <c>recipient.id</c>), when there are any.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var added = OthersThanBot(activity.MembersAdded, activity.Recipient?.Id);
        if (added.Count > 0)
        {
            await OnMembersAddedAsync(added, turnContext, cancellationToken);
        }

        var removed = OthersThanBot(activity.MembersRemoved, activity.Recipient?.Id);
        if (removed.Count > 0)
        {
            await OnMembersRemovedAsync(removed, turnContext, cancellationToken);
        }
    }

    /// <summary>Members other than the bot joined (welcome them here).</summary>
    /// <param name="membersAdded">The added members, without the bot itself.</param>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Members other than the bot left.</summary>
    /// <param name="membersRemoved">The removed members, without the bot itself.</param>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnMembersRemovedAsync(IReadOnlyList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>A <c>messageReaction</c> (Teams likes and so on); ignored by default.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A <c>messageUpdate</c> (a user edited a message); ignored by default.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnMessageUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A <c>messageDelete</c> (a user deleted a message); ignored by default.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnMessageDeleteActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An <c>event</c>: calls <see cref="OnEventAsync"/>, which switches on <see cref="Activity.Name"/>.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        OnEventAsync(turnContext, cancellationToken);

    /// <summary>
    /// An event by name (<c>webchat/join</c>, <c>handoff.status</c>, <c>ContinueConversation</c>, …); unknown names
    /// must be ignored (A5002), which is the default.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A <c>typing</c> indicator; ignored by default.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An <c>endOfConversation</c>: clean up conversation state here; no reply is expected.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An <c>installationUpdate</c> (Teams): <c>add</c>/<c>add-upgrade</c> → <see cref="OnInstallationUpdateAddAsync"/>,
    /// <c>remove</c>/<c>remove-upgrade</c> → <see cref="OnInstallationUpdateRemoveAsync"/>; other actions are ignored.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var action = turnContext.Activity.Action;
        if (IsAction(action, InstallationUpdateActions.Add) || IsAction(action, InstallationUpdateActions.AddUpgrade))
        {
            return OnInstallationUpdateAddAsync(turnContext, cancellationToken);
        }

        if (IsAction(action, InstallationUpdateActions.Remove) || IsAction(action, InstallationUpdateActions.RemoveUpgrade))
        {
            return OnInstallationUpdateRemoveAsync(turnContext, cancellationToken);
        }

        return Task.CompletedTask;
    }

    /// <summary>The bot was installed (or upgraded) in a personal chat, group chat or team.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The bot was uninstalled; stop sending proactive messages to this conversation.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An activity type this handler does not know; bots should ignore them (A2010–A2014), the default.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<ChannelAccount> OthersThanBot(IList<ChannelAccount>? members, string? botId) =>
        members?.Where(m => m is not null && !string.Equals(m.Id, botId, StringComparison.Ordinal)).ToList() ?? [];

    private static bool IsAction(string? action, string expected) =>
        string.Equals(action, expected, StringComparison.OrdinalIgnoreCase);
}
