using System.Security.Claims;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.Teams;

/// <summary>
/// A Teams turn whose replies are reshaped for what Teams can show: suggested actions appear only in personal
/// chats, and only <c>imBack</c> ones. Elsewhere (channels, group chats) — or for other action types — the buttons
/// move to an Adaptive Card sent right after the text (Teams would split text plus a card into two posts anyway).
/// </summary>
public sealed class TeamsTurnContext(ITurnContext inner) : ITurnContext
{
    /// <inheritdoc />
    public Activity Activity => inner.Activity;

    /// <inheritdoc />
    public ClaimsIdentity Identity => inner.Identity;

    /// <inheritdoc />
    public IDictionary<string, object> TurnState => inner.TurnState;

    /// <inheritdoc />
    public bool Responded => inner.Responded;

    /// <inheritdoc />
    public InvokeResponse? InvokeResponse
    {
        get => inner.InvokeResponse;
        set => inner.InvokeResponse = value;
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

    /// <inheritdoc />
    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown }, cancellationToken);

    /// <inheritdoc />
    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        (await SendActivitiesAsync([activity], cancellationToken))[0];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var shaped = new List<Activity>();
        var firstOf = new List<int>();
        foreach (var activity in activities)
        {
            firstOf.Add(shaped.Count);
            shaped.AddRange(activity.Type is null or ActivityTypes.Message ? Shape(activity, inner.Activity) : [activity]);
        }

        var responses = await inner.SendActivitiesAsync(shaped, cancellationToken);
        return [.. firstOf.Select(i => responses[i])];
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
