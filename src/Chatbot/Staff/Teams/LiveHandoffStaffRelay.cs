using Chatbot.BotFramework.Teams;
using System.Text.RegularExpressions;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Handoffs;
using Chatbot.Patients;
using Chatbot.Patients.Handoff;
using Newtonsoft.Json.Linq;

namespace Chatbot.Staff.Teams;

/// <summary>
/// The staff side of live hand-offs in Teams: <c>take H-…</c> and the card's Take button bind a hand-off to the Teams
/// conversation they came from (a channel thread or a chat with the bot); from then on every message staff write
/// there goes to the patient, except <c>end</c> (or <c>end H-…</c>), which ends the chat. Only senders allowed to use
/// staff commands are relayed; anything else falls through to the usual handling.
/// </summary>
public sealed partial class LiveHandoffStaffRelay(AudienceResolver audience, LiveHandoffService liveHandoffs, LiveHandoffEnding endings, ILogger<LiveHandoffStaffRelay> logger)
{
    /// <summary>Handles a Teams staff message if it is <c>take</c>, <c>end</c> or a reply in a live chat; false otherwise.</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (!TeamsActivity.IsTeams(activity) || !audience.MayUseStaffCommands(activity) || text.Length == 0)
        {
            return false;
        }

        var match = Command().Match(text.Trim());
        if (match.Success && match.Groups["verb"].Value.Equals("take", StringComparison.OrdinalIgnoreCase))
        {
            if (!match.Groups["ref"].Success)
            {
                await turn.SendActivityAsync("Type the hand-off's reference after **take**, for example **take H-7KQ3XM**. **handoffs** lists the open ones.", cancellationToken);
                return true;
            }

            var (outcome, handoff) = await TakeAsync(activity, match.Groups["ref"].Value, cancellationToken);
            await turn.SendActivityAsync(outcome == TakeOutcome.Taken
                ? $"You have **{handoff!.Reference}**. {LiveHandoffCards.HowToReply}"
                : LiveHandoffCards.Refusal(match.Groups["ref"].Value.ToUpperInvariant(), outcome, handoff), cancellationToken);
            return true;
        }

        var live = activity.Conversation?.Id is { } conversation ? await liveHandoffs.FindTakenInAsync(conversation, cancellationToken) : null;
        if (match.Success)
        {
            var reference = match.Groups["ref"].Success ? match.Groups["ref"].Value : live?.Reference;
            if (reference is null)
            {
                // "end" on its own outside a live chat is not ours.
                return false;
            }

            var ended = await endings.EndAsync(reference, TeamsStaff.NameOf(activity), cancellationToken);
            await turn.SendActivityAsync(ended is null
                ? $"There is no open live chat {reference.ToUpperInvariant()}: it has already ended or timed out."
                : $"Ended **{ended.Reference}**. The patient was told, and the bot answers them again.", cancellationToken);
            return true;
        }

        if (live is null)
        {
            return false;
        }

        Log.Relaying(logger, live.Reference, activity.Id);
        if (!await liveHandoffs.StaffReplyAsync(live, LiveHandoffMessages.FirstName(activity.From?.Name), text, cancellationToken))
        {
            await turn.SendActivityAsync($"The patient's chat for **{live.Reference}** has closed, so that message could not reach them. The live chat is over.", cancellationToken);
        }

        return true;
    }

    /// <summary>The card's Take button: the hand-off goes to the sender, in the conversation the card is in.</summary>
    public async Task<JObject> TakeFromCardAsync(Activity activity, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (outcome, handoff) = await TakeAsync(activity, reference, cancellationToken);
        return outcome == TakeOutcome.Taken
            ? LiveHandoffCards.Taken(handoff!, LiveHandoffMessages.FirstName(activity.From?.Name))
            : LiveHandoffCards.NotTaken(reference, outcome, handoff);
    }

    /// <summary>The End button of a live chat.</summary>
    public async Task<JObject> EndFromCardAsync(Activity activity, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var ended = await endings.EndAsync(reference, TeamsStaff.NameOf(activity), cancellationToken);
        return ended is null
            ? LiveHandoffCards.NotTaken(reference, TakeOutcome.Over, await liveHandoffs.GetAsync(reference, cancellationToken))
            : LiveHandoffCards.Ended(ended.Reference, LiveHandoffMessages.FirstName(activity.From?.Name));
    }

    private Task<(TakeOutcome Outcome, LiveHandoff? Handoff)> TakeAsync(Activity activity, string reference, CancellationToken cancellationToken)
    {
        var seat = new LiveHandoffSeat(Channels.Msteams, activity.Conversation?.Id ?? string.Empty, activity.ServiceUrl ?? string.Empty,
            TeamsActivity.TenantOf(activity), activity.Recipient?.Id);
        return liveHandoffs.TakeAsync(reference, TeamsStaff.NameOf(activity), LiveHandoffMessages.FirstName(activity.From?.Name), seat, cancellationToken);
    }

    [GeneratedRegex(@"^/?(?<verb>take|end)(\s+(?<ref>H-[A-Z0-9]{6}))?[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Command();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Relaying a staff message of live hand-off {Reference} (activity {ActivityId})")]
        public static partial void Relaying(ILogger logger, string reference, string? activityId);
    }
}
