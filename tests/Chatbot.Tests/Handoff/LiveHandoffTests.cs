using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Handoffs;
using Chatbot.Patients.Handoff;
using Chatbot.Staff.Notifications;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Chatbot.Testing;

namespace Chatbot.Tests.Handoff;

/// <summary>
/// A live chat between a patient on the web chat (our Direct Line server) and a staff member in Teams (Teams-shaped
/// activities posted to /api/messages, replies and relayed messages going to a fake Connector), on the host's fake clock
/// (Tuesday 10:00, clinic open).
/// </summary>
public sealed class LiveHandoffTests : IAsyncLifetime
{
    private const string Thread = TeamsFixtures.ChannelId + ";messageid=1764000999000";
    private readonly TeamsTestFactory _factory = new();
    private FakeConnector _connector = null!;

    private LiveHandoffService Live => _factory.Services.GetRequiredService<LiveHandoffService>();

    private LiveHandoffEnding Endings => _factory.Services.GetRequiredService<LiveHandoffEnding>();

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task StaffTakeTheChatInATeamsThreadRepliesReachThePatientAndThePatientsReachStaffUntilStaffEndIt()
    {
        var (patient, reference) = await AskForAPersonAsync();
        Assert.Empty(await patient.SayAsync("it's about my bill"));

        var took = Assert.Single(await StaffSaysAsync("take " + reference.ToLowerInvariant()));
        var backlog = await _connector.WaitForAsync(r => ((string?)r.Body["text"] ?? string.Empty).StartsWith("While waiting", StringComparison.Ordinal));
        Assert.Contains("- it's about my bill", (string?)backlog["text"], StringComparison.Ordinal);
        Assert.Contains($"You have **{reference}**", took.Text, StringComparison.Ordinal);
        Assert.Contains("Sam** from our team has joined the chat", Texts(await patient.PollAsync()), StringComparison.Ordinal);

        // Staff write in the thread: no answer there, the message goes to the patient as from that person.
        Assert.Empty(await StaffSaysAsync("Hi, I'm Sam from the front desk. Why do you ask about the cost?"));
        var relayed = Assert.Single(await patient.PollAsync());
        Assert.Equal("**Sam (clinic staff):** Hi, I'm Sam from the front desk. Why do you ask about the cost?", relayed.Text);
        Assert.Equal("Sam (clinic staff)", relayed.From!.Name);
        Assert.Equal([LiveHandoffService.EndChatTitle], relayed.SuggestedActions!.Actions.Select(a => a.Title));

        // The patient's answer reaches the thread through the Connector; the bot says nothing to the patient.
        Assert.Empty(await patient.SayAsync("my insurance is Blue Cross, does it cover ketamine?"));
        var toStaff = await _connector.WaitForAsync(r => r.Path.StartsWith("/v3/conversations/19%3A9f7c2f4b", StringComparison.Ordinal) && ((string?)r.Body["text"] ?? string.Empty).Contains("Blue Cross", StringComparison.Ordinal));
        Assert.Equal($"**Patient ({reference}):** my insurance is Blue Cross, does it cover ketamine?", (string?)toStaff["text"]);
        var staffPage = await Live.ReadMessagesAsync(reference, 0, default);
        Assert.Equal([LiveHandoffSender.Patient, LiveHandoffSender.System, LiveHandoffSender.Staff, LiveHandoffSender.Patient], staffPage.Select(m => m.Sender));

        // Nothing the patient writes reaches the log at Information or above.
        Assert.DoesNotContain(_factory.Logs, l => l.Level >= LogLevel.Information && l.Message.Contains("Blue Cross", StringComparison.Ordinal));

        var ended = Assert.Single(await StaffSaysAsync("end"));
        Assert.Contains($"Ended **{reference}**", ended.Text, StringComparison.Ordinal);
        Assert.Contains("ended the chat. You're back with the virtual assistant", Texts(await patient.PollAsync()), StringComparison.Ordinal);
        Assert.Empty(await Live.ReadMessagesAsync(reference, 0, default));

        _factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.Contains("infusion", Texts(await patient.SayAsync("how long is an infusion")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePatientCanEndTheChatAndStaffAreTold()
    {
        var (patient, reference) = await AskForAPersonAsync();
        await StaffSaysAsync("take " + reference);
        await patient.PollAsync();

        var bye = await patient.SayAsync(LiveHandoffService.EndChatTitle);
        Assert.Contains("You've ended the chat with our team", Texts(bye), StringComparison.Ordinal);
        await _connector.WaitForAsync(r => ((string?)r.Body["text"] ?? string.Empty).Contains($"The patient ended the chat **{reference}**", StringComparison.Ordinal));
        Assert.Equal(LiveHandoffStatus.Ended, (await Live.GetAsync(reference, default))!.Status);

        // Staff who write on in the thread are no longer relayed: it is an ordinary staff message again.
        _factory.Predict(("faq/infusion_duration", 0.95f));
        await StaffSaysAsync("how long is an infusion");
        Assert.Empty(await patient.PollAsync());
    }

    [Fact]
    public async Task WhenNobodyTakesItInTimeThePatientIsToldHonestlyAndOfferedThePhoneAndBooking()
    {
        var (patient, reference) = await AskForAPersonAsync();
        _factory.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await Endings.SweepAsync(default));
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));

        // Several instances sweep at once: the patient is told once.
        var swept = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Endings.SweepAsync(default)));
        Assert.Equal(1, swept.Sum());
        var told = Assert.Single(await patient.PollAsync());
        Assert.Contains("nobody from our team was free to join this chat in the last 5 minutes", told.Text, StringComparison.Ordinal);
        Assert.Contains("(312) 555-0100", told.Text, StringComparison.Ordinal);
        Assert.Equal(["Book a consultation"], told.SuggestedActions!.Actions.Select(a => a.Title));

        Assert.Contains("timed out before anyone took it", Assert.Single(await StaffSaysAsync("take " + reference)).Text, StringComparison.Ordinal);
        _factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.NotEmpty(await patient.SayAsync("how long is an infusion"));
    }

    [Fact]
    public async Task APatientWritingAfterTheTakeTimeoutIsToldAndAnsweredEvenBeforeTheSweep()
    {
        var (patient, _) = await AskForAPersonAsync();
        _factory.Clock.Advance(TimeSpan.FromMinutes(6));
        _factory.Predict(("faq/infusion_duration", 0.95f));
        var replies = await patient.SayAsync("hello? how long is an infusion");
        Assert.Contains("nobody from our team was free", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("infusion", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Live.ListOpenAsync(default));
    }

    [Fact]
    public async Task TheSafetyGateStillRunsDuringTheLiveChatAndStaffAreAlerted()
    {
        var (patient, reference) = await AskForAPersonAsync();
        await StaffSaysAsync("take " + reference);
        await patient.PollAsync();

        var crisis = await patient.SayAsync("i want to kill myself");
        Assert.Contains("988", crisis[0].Text, StringComparison.Ordinal);
        var alert = await _connector.WaitForAsync(r => ((string?)r.Body["text"] ?? string.Empty).Contains("Safety alert", StringComparison.Ordinal));
        Assert.Contains("i want to kill myself", (string?)alert["text"], StringComparison.Ordinal);

        // The staff member keeps the chat: no second hand-off replaced it.
        var live = await Live.GetAsync(reference, default);
        Assert.Equal(LiveHandoffStatus.Taken, live!.Status);
        Assert.Single(await Live.ListOpenAsync(default));
    }

    [Fact]
    public async Task TheCardsTakeButtonTakesItOnceAndItsEndButtonEndsIt()
    {
        var (patient, reference) = await AskForAPersonAsync();

        // The staff channel's notification card offers Take.
        await _factory.SendAsync(TeamsFixtures.Load("conversation-update-bot-added").WithServiceUrl(_connector.ServiceUrl));
        Assert.Equal(1, await _factory.Services.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(default));
        var card = (JObject)_connector.Requests.Last().Body["attachments"]![0]!["content"]!;
        var take = Cards.Executes(card).Single(b => (string?)b["verb"] == "handoff.take");
        Assert.Equal(reference, (string?)take["data"]!["reference"]);

        var (_, taken) = await _factory.InvokeAsync(Invoke("handoff.take", reference, Thread));
        Assert.Contains("Sam is chatting with the patient", Cards.Text((JObject)taken!["value"]!), StringComparison.Ordinal);
        var (_, again) = await _factory.InvokeAsync(Invoke("handoff.take", reference, TeamsFixtures.ChannelId + ";messageid=2"));
        Assert.Contains("Sam already took", Cards.Text((JObject)again!["value"]!), StringComparison.Ordinal);
        Assert.Contains("has joined the chat", Texts(await patient.PollAsync()), StringComparison.Ordinal);

        var (_, ended) = await _factory.InvokeAsync(Invoke("handoff.end", reference, Thread));
        Assert.Contains($"Chat {reference} ended", Cards.Text((JObject)ended!["value"]!), StringComparison.Ordinal);
        Assert.Contains("ended the chat", Texts(await patient.PollAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHubEndingTheHandOffEndsTheLiveChatAndNoTimeOutFollows()
    {
        var (patient, reference) = await AskForAPersonAsync();
        using var posted = await patient.PostAsync(new JObject { ["type"] = "event", ["name"] = "handoff.status", ["value"] = new JObject { ["state"] = "completed" }, ["from"] = new JObject { ["id"] = "dl-user" } });
        Assert.Contains("back with the virtual assistant", Texts(await patient.PollAsync()), StringComparison.Ordinal);
        Assert.Equal(LiveHandoffStatus.Ended, (await Live.GetAsync(reference, default))!.Status);

        _factory.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, await Endings.SweepAsync(default));
        Assert.Empty(await patient.PollAsync());
    }

    [Fact]
    public async Task ReleasingALiveChatTellsThePatient()
    {
        var (patient, reference) = await AskForAPersonAsync();
        await StaffSaysAsync("take " + reference);
        await patient.PollAsync();
        Assert.Contains($"Released **{reference}**", Assert.Single(await _factory.SendAsync(TeamsFixtures.Personal("release " + reference))).Text, StringComparison.Ordinal);
        Assert.Contains("ended the chat. You're back with the virtual assistant", Texts(await patient.PollAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneTeamsThreadHoldsOneLiveChat()
    {
        var (_, first) = await AskForAPersonAsync();
        var (_, second) = await AskForAPersonAsync();
        await StaffSaysAsync("take " + first);
        Assert.Contains($"already holds the live chat {first}", Assert.Single(await StaffSaysAsync("take " + second)).Text, StringComparison.Ordinal);
        Assert.Equal(LiveHandoffStatus.Waiting, (await Live.GetAsync(second, default))!.Status);
    }

    private async Task<(DirectLineClient Patient, string Reference)> AskForAPersonAsync()
    {
        var patient = await new DirectLineClient(_factory.CreateClient()).StartAsync();
        await patient.PollAsync();
        _factory.Predict(("handoff/human", 0.95f));
        var replies = await patient.SayAsync("can I talk to a real person please");
        Assert.Contains("staff member will reply here", Texts(replies), StringComparison.Ordinal);
        Assert.Contains(replies, r => r.SuggestedActions?.Actions.Any(a => a.Title == LiveHandoffService.EndChatTitle) == true);
        var open = await Live.ListOpenAsync(default);
        return (patient, open.Single(h => h.PatientConversationId == patient.ConversationId).Reference);
    }

    private Task<IReadOnlyList<Activity>> StaffSaysAsync(string text)
    {
        var activity = TeamsFixtures.Channel(text).WithServiceUrl(_connector.ServiceUrl);
        activity["conversation"]!["id"] = Thread;
        return _factory.SendAsync(activity);
    }

    private JObject Invoke(string verb, string reference, string conversation)
    {
        var invoke = TeamsFixtures.Load("adaptive-card-action").WithServiceUrl(_connector.ServiceUrl);
        invoke["value"]!["action"]!["verb"] = verb;
        invoke["value"]!["action"]!["data"] = new JObject { ["reference"] = reference };
        invoke["conversation"]!["id"] = conversation;
        invoke["from"]!["name"] = "Sam Ortega";
        return invoke;
    }

    private static string Texts(IEnumerable<Activity> activities) => string.Join("\n", activities.Select(a => a.Text));
}
