using Chatbot.Testing;
using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using System.Net;
using Chatbot.Patients.Booking;
using Chatbot.BotFramework.Schema;
using Chatbot.Staff.Notifications;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Tests.Teams;

/// <summary>The staff commands in Teams (text and Adaptive Cards) and their card buttons (adaptiveCard/action invokes).</summary>
public sealed class StaffCommandTests(TeamsTestFactory factory) : IClassFixture<TeamsTestFactory>
{
    private IBookingStore Bookings => factory.Services.GetRequiredService<IBookingStore>();

    private IUnansweredQuestionStore Unanswered => factory.Services.GetRequiredService<IUnansweredQuestionStore>();

    [Fact]
    public async Task HelpListsTheCommands()
    {
        var reply = Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("help")));
        foreach (var command in new[] { "bookings", "unanswered", "why", "handoffs", "release", "help" })
        {
            Assert.Contains($"**{command}**", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BookingsShowsTheNewestRequestsWithTheirStatusAndButtons()
    {
        var request = await AddBookingAsync("PSI-TEST01");
        var reply = Assert.Single(await factory.SendAsync(TeamsFixtures.Channel("bookings")));
        var card = Cards.Of(reply);
        var text = Cards.Text(card);
        Assert.Contains("**PSI-TEST01** · New-patient consultation · **New**", text, StringComparison.Ordinal);
        Assert.Contains(TestBookings.Name, text, StringComparison.Ordinal);
        Assert.Contains(ContactDetails.FormatPhone(TestBookings.Phone), text, StringComparison.Ordinal);
        Assert.Contains(TestBookings.Email, text, StringComparison.Ordinal);
        Assert.Contains(request.PreferredTimes, text, StringComparison.Ordinal);
        var buttons = Cards.Executes(card).Where(b => (string?)b["data"]?["reference"] == "PSI-TEST01").ToList();
        Assert.Equal(["Contacted", "Booked", "Cancelled"], buttons.Select(b => (string?)b["data"]!["status"]));
        Assert.All(buttons, b => Assert.Equal("booking.status", (string?)b["verb"]));
    }

    [Fact]
    public async Task ACardButtonUpdatesTheRequestInPlaceAndRecordsWhoChangedIt()
    {
        await AddBookingAsync("PSI-TEST02");
        var (status, body) = await factory.InvokeAsync(BookingStatusInvoke("PSI-TEST02", "Contacted"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, (int)body!["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var card = (JObject)body["value"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Contains("**PSI-TEST02** · New-patient consultation · **Contacted**", Cards.Text(card), StringComparison.Ordinal);
        var left = Cards.Executes(card).Where(b => (string?)b["data"]?["reference"] == "PSI-TEST02").Select(b => (string?)b["data"]!["status"]);
        Assert.Equal(["Booked", "Cancelled"], left);

        var saved = await Bookings.GetAsync("PSI-TEST02", default);
        Assert.Equal(BookingStatus.Contacted, saved!.Status);
        Assert.Contains("Sam Ortega", saved.StatusChangedBy, StringComparison.Ordinal);
        Assert.Contains(TeamsFixtures.SamAadObjectId, saved.StatusChangedBy, StringComparison.Ordinal);
        Assert.Equal(2, (await Bookings.HistoryAsync("PSI-TEST02", default)).Count);
    }

    [Fact]
    public async Task AStaleButtonSaysWhatHappenedInsteadOfFailing()
    {
        await AddBookingAsync("PSI-TEST03");
        await Bookings.SetStatusAsync("PSI-TEST03", BookingStatus.Cancelled, "someone", factory.Clock.GetUtcNow(), default);
        var (status, body) = await factory.InvokeAsync(BookingStatusInvoke("PSI-TEST03", "Contacted"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Not changed", Cards.Text((JObject)body!["value"]!), StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, (await Bookings.GetAsync("PSI-TEST03", default))!.Status);
    }

    [Fact]
    public async Task CardActionsFromAnotherTenantAreRefused()
    {
        await AddBookingAsync("PSI-TEST04");
        var (status, body) = await factory.InvokeAsync(BookingStatusInvoke("PSI-TEST04", "Booked").InTenant(TeamsFixtures.OtherTenant));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.error", (string?)body!["type"]);
        Assert.Equal(403, (int)body["statusCode"]!);
        Assert.Equal(BookingStatus.New, (await Bookings.GetAsync("PSI-TEST04", default))!.Status);
    }

    [Fact]
    public async Task UnansweredGroupsNearIdenticalQuestionsCountsThemAndOffersTheClosestEntry()
    {
        var now = factory.Clock.GetUtcNow();
        await AddUnansweredAsync("How much is valet parking at the clinic?", now.AddDays(-1), "faq/cost:0.410, faq/insurance:0.200");
        await AddUnansweredAsync("how much is valet parking at the clinic", now.AddDays(-2), "faq/cost:0.380");
        await AddUnansweredAsync("how much is valet parkng at the clinic??", now.AddDays(-3), "faq/cost:0.300, faq/location:0.250");
        await AddUnansweredAsync("at the clinic how much is valet parking", now.AddHours(-5), "faq/location:0.300");
        await AddUnansweredAsync("can my emotional support llama come along", now.AddDays(-20), "out_of_scope:0.700");
        await AddUnansweredAsync("can my emotional support llama come along", now.AddDays(-21), "out_of_scope:0.700");

        var week = Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("unanswered"))));
        var text = Cards.Text(week);
        Assert.Contains("Unanswered questions, last 7 days", text, StringComparison.Ordinal);
        Assert.Contains("**4×** at the clinic how much is valet parking", text, StringComparison.Ordinal);
        Assert.DoesNotContain("llama", text, StringComparison.Ordinal);
        var open = Assert.Single(Cards.Executes(week), b => (string?)b["data"]?["intent"] == "faq/cost");
        Assert.Equal("faq.show", (string?)open["verb"]);
        Assert.Equal("Closest: " + factory.Catalog.Find("faq/cost")!.Title, (string?)open["title"]);

        var month = Cards.Text(Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("unanswered 30")))));
        Assert.Contains("**2×** can my emotional support llama come along", month, StringComparison.Ordinal);
        Assert.Contains("last 30 days", month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDigestShowsAnswerFeedbackOfTheSamePeriodTheMostThumbsDownFirst()
    {
        // The only test in this class that records votes, so the totals below are all there are; not on faq/cost,
        // whose "Closest" button the unanswered test counts.
        var now = factory.Clock.GetUtcNow();
        await VoteAsync("faq/side_effects", AnswerVote.NotHelpful, 3, now.AddDays(-1));
        await VoteAsync("faq/side_effects", AnswerVote.Helpful, 1, now.AddDays(-2));
        await VoteAsync("faq/insurance", AnswerVote.NotHelpful, 1, now.AddDays(-3));
        await VoteAsync("faq/insurance", AnswerVote.Helpful, 5, now.AddDays(-3));
        await VoteAsync("faq/preparation", AnswerVote.Helpful, 2, now.AddDays(-20));
        var sideEffects = factory.Catalog.Find("faq/side_effects")!;
        var insurance = factory.Catalog.Find("faq/insurance")!;

        var week = Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("unanswered"))));
        var text = Cards.Text(week);
        Assert.Contains("Answer feedback, last 7 days", text, StringComparison.Ordinal);
        Assert.Contains("👍 6 helpful · 👎 4 not helpful, on 2 entries.", text, StringComparison.Ordinal);
        Assert.Contains($"**{sideEffects.Title}** (faq/side_effects) · 👍 1 · 👎 3", text, StringComparison.Ordinal);
        Assert.Contains($"**{insurance.Title}** (faq/insurance) · 👍 5 · 👎 1", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("(faq/side_effects)", StringComparison.Ordinal) < text.IndexOf("(faq/insurance)", StringComparison.Ordinal), "most 👎 first");
        var show = Assert.Single(Cards.Executes(week), b => (string?)b["title"] == "Show: " + sideEffects.Title);
        Assert.Equal("faq.show", (string?)show["verb"]);
        Assert.Equal(7, (int)show["data"]!["days"]!);

        var month = Cards.Text(Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("unanswered 30")))));
        Assert.Contains("👍 8 helpful · 👎 4 not helpful, on 3 entries.", month, StringComparison.Ordinal);
        Assert.DoesNotContain("(faq/preparation)", month, StringComparison.Ordinal);

        var (_, body) = await factory.InvokeAsync(Invoke("faq.show", new JObject { ["intent"] = "faq/side_effects", ["days"] = 7 }));
        Assert.Contains("👍 1 · 👎 3", Cards.Text((JObject)body!["value"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClosestEntryButtonShowsThatEntrysTitleAndAnswer()
    {
        var invoke = Invoke("faq.show", new JObject { ["intent"] = "faq/cost", ["days"] = 7 });
        var (_, body) = await factory.InvokeAsync(invoke);
        var card = (JObject)body!["value"]!;
        var entry = factory.Catalog.Find("faq/cost")!;
        Assert.Contains(entry.Title, Cards.Text(card), StringComparison.Ordinal);
        Assert.Contains(entry.Answer, Cards.Text(card), StringComparison.Ordinal);
        Assert.Contains("Feedback (7 days)", Cards.Text(card), StringComparison.Ordinal);
        var back = Assert.Single(Cards.Executes(card));
        Assert.Equal("unanswered.list", (string?)back["verb"]);
    }

    [Fact]
    public async Task WhyShowsTheTopThreeTheThresholdsAndWhatAPatientWouldGet()
    {
        factory.Predict(("staff/release_handoff", 0.91f), ("faq/cost", 0.05f), ("handoff/human", 0.02f));
        var before = (await Unanswered.ListAsync(DateTimeOffset.MinValue, 10_000, default)).Count;
        var card = Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Channel("why how do I let the assistant take a chat over again"))));
        var text = Cards.Text(card);
        Assert.Contains("staff/release_handoff", text, StringComparison.Ordinal);
        Assert.Contains("0.910", text, StringComparison.Ordinal);
        Assert.Contains("faq/cost", text, StringComparison.Ordinal);
        Assert.Contains("handoff/human", text, StringComparison.Ordinal);
        Assert.Contains("score ≥ 0.600", text, StringComparison.Ordinal);
        Assert.Contains("score ≥ 0.250", text, StringComparison.Ordinal);
        Assert.Contains("A patient on the website would get", text, StringComparison.Ordinal);
        Assert.Contains("honest fallback", text, StringComparison.Ordinal);
        Assert.Contains("Staff in Teams would get", text, StringComparison.Ordinal);
        Assert.Contains(factory.Catalog.Find("staff/release_handoff")!.Answer, text, StringComparison.Ordinal);
        Assert.Equal(before, (await Unanswered.ListAsync(DateTimeOffset.MinValue, 10_000, default)).Count);
    }

    [Fact]
    public async Task WhyCanShowWhatTheSafetyGateDoesWithoutStartingAHandOff()
    {
        var outbox = factory.Services.GetRequiredService<INotificationOutbox>();
        var before = (await outbox.PendingAsync(1000, default)).Count;
        factory.Predict(("faq/depression", 0.5f));
        var message = TeamsFixtures.Personal("why i want to kill myself");
        var text = Cards.Text(Cards.Of(Assert.Single(await factory.SendAsync(message))));
        Assert.Contains("crisis message (988 and 911)", text, StringComparison.Ordinal);
        Assert.Equal(before, (await outbox.PendingAsync(1000, default)).Count);

        // The same words without the command are a message like any other: the gate answers first.
        message["text"] = "i want to kill myself";
        Assert.Contains("988", (await factory.SendAsync(message))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandoffsListsOpenHandOffsAndReleaseGivesTheConversationBackToTheBot()
    {
        var patient = await HandOffAWebsitePatientAsync();
        var card = Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("handoffs"))));
        Assert.Contains("Patient asked for a person · webchat", Cards.Text(card), StringComparison.Ordinal);
        var reference = ReferenceFor(card, patient.ConversationId);

        var released = Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("release " + reference)));
        Assert.Contains($"Released **{reference}**", released.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(patient.ConversationId, Cards.Text(Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("handoffs"))))), StringComparison.Ordinal);

        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.Equal(factory.Catalog.Find("faq/infusion_duration")!.Answer, Assert.Single(await patient.SayAsync("how long is an infusion")).Text);
    }

    [Fact]
    public async Task TheReleaseButtonUpdatesTheHandoffsCardInPlace()
    {
        var patient = await HandOffAWebsitePatientAsync();
        var card = Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("handoffs"))));
        var reference = ReferenceFor(card, patient.ConversationId);
        var (status, body) = await factory.InvokeAsync(Invoke("handoff.release", new JObject { ["reference"] = reference, ["view"] = "list" }));
        Assert.Equal(HttpStatusCode.OK, status);
        var updated = Cards.Text((JObject)body!["value"]!);
        Assert.Contains($"Sam Ortega released {reference}", updated, StringComparison.Ordinal);
        Assert.DoesNotContain(patient.ConversationId, updated, StringComparison.Ordinal);

        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.NotEmpty(await patient.SayAsync("how long is an infusion"));
    }

    [Fact]
    public async Task ReleasingAnUnknownReferenceSaysSo()
    {
        var reply = Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("release H-NOPE99")));
        Assert.Contains("no open hand-off H-NOPE99", reply.Text, StringComparison.Ordinal);
    }

    private async Task<BookingRequest> AddBookingAsync(string reference)
    {
        // Newer than anything else in the store, so it is on the first page of `bookings`.
        var request = TestBookings.Request(reference, factory.Clock.GetUtcNow().AddMinutes(Random.Shared.Next(1, 1000)));
        await Bookings.AddAsync(request, TestBookings.Notification(request), default);
        return request;
    }

    private Task AddUnansweredAsync(string text, DateTimeOffset at, string topIntents) =>
        Unanswered.AddAsync(new UnansweredQuestion(0, at, "webchat", UnansweredReason.Fallback, text, topIntents, "scripted"), default);

    private async Task VoteAsync(string intent, AnswerVote vote, int count, DateTimeOffset at)
    {
        var store = factory.Services.GetRequiredService<IAnswerFeedbackStore>();
        for (var i = 0; i < count; i++)
        {
            await store.RecordAsync(new AnswerFeedback(Guid.NewGuid().ToString("N"), at, "webchat", intent, "model-1", vote), default);
        }
    }

    private static JObject BookingStatusInvoke(string reference, string status)
    {
        var invoke = TeamsFixtures.Load("adaptive-card-action");
        invoke["value"]!["action"]!["data"]!["reference"] = reference;
        invoke["value"]!["action"]!["data"]!["status"] = status;
        return invoke;
    }

    private static JObject Invoke(string verb, JObject data)
    {
        var invoke = TeamsFixtures.Load("adaptive-card-action");
        invoke["value"]!["action"]!["verb"] = verb;
        invoke["value"]!["action"]!["data"] = data;
        return invoke;
    }

    private async Task<BotClient> HandOffAWebsitePatientAsync()
    {
        factory.Predict(("handoff/human", 0.95f));
        var patient = new BotClient(factory.CreateClient(), "webchat");
        Assert.Contains("staff member will reply here", (await patient.SayAsync("can i talk to a real person"))[^1].Text, StringComparison.Ordinal);
        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.Empty(await patient.SayAsync("hello?"));
        return patient;
    }

    /// <summary>The hand-off reference shown next to a conversation id on the handoffs card.</summary>
    private static string ReferenceFor(JObject card, string conversationId)
    {
        var container = card.Descendants().OfType<JObject>()
            .First(o => (string?)o["type"] == "Container" && o.ToString().Contains(conversationId, StringComparison.Ordinal));
        return (string)Cards.Executes(container).Single(b => (string?)b["verb"] == "handoff.release")["data"]!["reference"]!;
    }
}
