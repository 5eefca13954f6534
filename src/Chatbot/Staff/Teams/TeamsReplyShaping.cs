using Chatbot.BotFramework.Teams;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.Staff.Teams;

/// <summary>
/// Replies reshaped for what Teams can show: suggested actions appear only in personal chats, and only <c>imBack</c>
/// ones. Elsewhere (channels, group chats) — or for other action types — the buttons move to an Adaptive Card sent
/// right after the text (Teams would split text plus a card into two posts anyway).
/// </summary>
public static class TeamsReplyShaping
{
    /// <summary>The send handler <see cref="TeamsMiddleware"/> adds to every Teams turn.</summary>
    public static async Task<ResourceResponse[]> OnSendAsync(ITurnContext turn, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(next);
        var original = activities.ToList();
        var firstOf = new List<int>(original.Count);
        activities.Clear();
        foreach (var activity in original)
        {
            firstOf.Add(activities.Count);
            activities.AddRange(activity.Type is null or ActivityTypes.Message ? Shape(activity, turn.Activity) : [activity]);
        }

        // One response per activity the caller sent: the first of the activities each one became.
        var responses = await next();
        return [.. firstOf.Select(i => i < responses.Length ? responses[i] : new ResourceResponse(null))];
    }

    /// <summary>The activities to send instead of <paramref name="outgoing"/> in a conversation like <paramref name="incoming"/>'s.</summary>
    public static IReadOnlyList<Activity> Shape(Activity outgoing, Activity incoming)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(incoming);
        var actions = outgoing.SuggestedActions?.Actions;
        if (actions is null || actions.Count == 0)
        {
            return [outgoing];
        }

        if (TeamsActivity.IsPersonal(incoming) && actions.All(a => a.Type == ActionTypes.ImBack))
        {
            return [outgoing];
        }

        outgoing.SuggestedActions = null;
        var card = AdaptiveCards.Card([AdaptiveCards.Text("You can also choose:", subtle: true)], actions.Select(ToCardAction).OfType<JObject>());
        if (string.IsNullOrWhiteSpace(outgoing.Text) && (outgoing.Attachments is null || outgoing.Attachments.Count == 0))
        {
            outgoing.Attachments = [AdaptiveCards.Attachment(card)];
            return [outgoing];
        }

        return [outgoing, AdaptiveCards.Message(card, "Options")];
    }

    private static JObject? ToCardAction(CardAction action)
    {
        var title = action.Title ?? (string?)action.Value ?? string.Empty;
        return action.Type switch
        {
            ActionTypes.OpenUrl when action.Value?.Type == JTokenType.String => AdaptiveCards.OpenUrl(title, (string)action.Value!),
            ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack => AdaptiveCards.ImBack(title, action.Value?.Type == JTokenType.String ? (string)action.Value! : title),
            _ => null,
        };
    }
}
