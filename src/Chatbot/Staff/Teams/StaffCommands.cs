using Chatbot.Faq.Answering;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Patients;
using Chatbot.Faq.Dataset;
using Chatbot.Patients.Handoff;
using Chatbot.Knowledge;
using Chatbot.Faq.Safety;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace Chatbot.Staff.Teams;

/// <summary>
/// The staff commands in Teams (<c>bookings</c>, <c>unanswered</c>, <c>why</c>, <c>handoffs</c>, <c>release</c>,
/// <c>help</c>), recognised before the classifier. Only senders allowed by <see cref="AudienceResolver.MayUseStaffCommands"/>
/// may use them; anyone else gets a refusal (except <c>why …</c>, which is then answered as an ordinary question).
/// </summary>
public sealed partial class StaffCommands(
    AudienceResolver audience,
    StaffViews views,
    HandoffService handoff,
    LiveHandoffStaffRelay liveHandoffs,
    FaqKnowledgeProvider knowledgeProvider,
    MessageDecider decider,
    BotReplies replies,
    IOptions<AnswerPolicyOptions> policyOptions,
    IOptions<TeamsOptions> teamsOptions,
    ILogger<StaffCommands> logger)
{
    private static readonly TimeSpan KnowledgeWait = TimeSpan.FromSeconds(10);

    /// <summary>Carries out <paramref name="text"/> if it is a staff command; returns false when it is not one.</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);

        // In a live chat every staff message goes to the patient (a reply may well start with "why"); take/end first.
        if (await liveHandoffs.TryHandleAsync(turn, text, cancellationToken))
        {
            return true;
        }

        if (StaffCommand.Parse(text) is not { } command)
        {
            return false;
        }

        if (!audience.MayUseStaffCommands(turn.Activity))
        {
            if (command.Name == StaffCommandName.Why)
            {
                return false;
            }

            Log.Refused(logger, command.Name, turn.Activity.Id);
            await turn.SendActivityAsync(replies.StaffCommandsRefused(), cancellationToken);
            return true;
        }

        Log.Running(logger, command.Name, turn.Activity.Id);
        var reply = command.Name switch
        {
            StaffCommandName.Bookings => Card(await views.BookingsAsync(command.NumberOr(views.BookingsShown), null, cancellationToken), "Newest booking requests"),
            StaffCommandName.Unanswered => await UnansweredAsync(command, cancellationToken),
            StaffCommandName.Why => await WhyAsync(command.Argument, cancellationToken),
            StaffCommandName.Handoffs => Card(await views.HandoffsAsync(null, cancellationToken), "Open hand-offs"),
            StaffCommandName.Release => await ReleaseAsync(turn.Activity, command.Argument, cancellationToken),
            _ => replies.StaffHelp(),
        };
        await turn.SendActivityAsync(reply, cancellationToken);
        return true;
    }

    /// <summary>
    /// What the bot would do with <paramref name="question"/> for a patient and for staff: the same safety gate, exact
    /// matches and <see cref="AnswerPolicy"/> as a real turn, without sending, storing or logging anything.
    /// </summary>
    public WhyReport Explain(string question, FaqKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var patient = decider.Decide(question, knowledge, staffAudience: false);
        var staff = decider.Decide(question, knowledge, staffAudience: true, patient.Safety);
        var prediction = patient.Prediction ?? staff.Prediction ?? knowledge.Classifier.Classify(question);
        var exact = knowledge.MatchExact(ExampleText.Normalize(question));
        return new WhyReport(question, patient.Safety, prediction, exact, patient.Answer, staff.Answer, policyOptions.Value.MinimumMargin);
    }

    private async Task<Activity> UnansweredAsync(StaffCommand command, CancellationToken cancellationToken)
    {
        var days = command.NumberOr(teamsOptions.Value.UnansweredDefaultDays);
        if (days is < 1 or > 365)
        {
            return TextMessage("Give the number of days as 1 to 365, for example **unanswered 30**.");
        }

        return Card(await views.UnansweredAsync(days, cancellationToken), "Unanswered questions");
    }

    private async Task<Activity> WhyAsync(string question, CancellationToken cancellationToken)
    {
        if (question.Length == 0)
        {
            return TextMessage("Type the question after **why**, for example **why how long is an infusion**.");
        }

        var knowledge = await knowledgeProvider.WaitAsync(KnowledgeWait, cancellationToken);
        if (knowledge is null)
        {
            return replies.NotReady();
        }

        return Card(InsightCards.Why(Explain(question, knowledge), knowledge), "How the bot classifies a question");
    }

    private async Task<Activity> ReleaseAsync(Activity activity, string reference, CancellationToken cancellationToken)
    {
        if (reference.Length == 0)
        {
            return TextMessage("Type the hand-off's reference after **release**, for example **release H-7KQ3XM**. **handoffs** lists them.");
        }

        var released = await handoff.ReleaseAsync(reference, TeamsStaff.NameOf(activity), cancellationToken);
        return TextMessage(released is null
            ? $"There is no open hand-off {reference}. It may have been released already or timed out: **handoffs** lists the open ones."
            : $"Released **{released.Reference}**: the bot answers that conversation ({released.Channel}) again.");
    }

    private static Activity Card(JObject card, string summary) => AdaptiveCards.Message(card, summary);

    private static Activity TextMessage(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Staff command {Command} (activity {ActivityId})")]
        public static partial void Running(ILogger logger, StaffCommandName command, string? activityId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Staff command {Command} refused: the sender is not in the configured staff group (activity {ActivityId})")]
        public static partial void Refused(ILogger logger, StaffCommandName command, string? activityId);
    }
}
