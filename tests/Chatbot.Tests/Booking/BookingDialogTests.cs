using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Booking;
using Chatbot.BotFramework.Schema;
using Chatbot.Conversation;
using Chatbot.Notifications;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Tests.Booking;

/// <summary>
/// Transcript tests of the booking dialog through /api/messages. The host's clock is Tuesday 24 November 2026,
/// 10:00 in Chicago. "sms" stands for a channel without cards (the text path); "webchat" gets the card.
/// </summary>
public sealed class BookingDialogTests(ScriptedClassifierFactory factory) : IClassFixture<ScriptedClassifierFactory>
{
    private IBookingStore Store => factory.Services.GetRequiredService<IBookingStore>();

    private INotificationOutbox Outbox => factory.Services.GetRequiredService<INotificationOutbox>();

    private async Task<BotClient> StartAsync(string channel, string opening = "I'd like to book a consultation")
    {
        factory.Predict(("booking/appointment", 0.95f));
        var client = new BotClient(factory.CreateClient(), channel);
        await client.SayAsync(opening);
        return client;
    }

    private static string Last(IReadOnlyList<Activity> replies) => replies[^1].Text ?? string.Empty;

    [Fact]
    public async Task TheWholeRequestByTextIsSavedBeforeThePatientGetsAReference()
    {
        var client = await StartAsync("sms");
        Assert.Contains("What's your name", Last(await client.SayAsync("doesn't matter, the reason was in the first message")), StringComparison.Ordinal);
        Assert.Contains("phone number or e-mail", Last(await client.SayAsync("Jordan Lee")), StringComparison.Ordinal);
        Assert.Contains("When would you like to come in", Last(await client.SayAsync("(312) 555-0123")), StringComparison.Ordinal);
        var summary = Last(await client.SayAsync("next Tuesday afternoon"));
        Assert.Contains("Jordan Lee", summary, StringComparison.Ordinal);
        Assert.Contains("(312) 555-0123", summary, StringComparison.Ordinal);
        Assert.Contains("New-patient consultation", summary, StringComparison.Ordinal);

        var done = Last(await client.SayAsync("yes"));
        var reference = System.Text.RegularExpressions.Regex.Match(done, @"PSI-[A-Z2-9]{6}").Value;
        Assert.NotEmpty(reference);
        var saved = await Store.GetAsync(reference, CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal(("Jordan Lee", "3125550123", BookingReason.NewPatientConsultation, BookingStatus.New), (saved.Name, saved.Phone, saved.Reason, saved.Status));
        Assert.Contains((await Outbox.PendingAsync(100, CancellationToken.None)), i => i.Notification.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("within one business day", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstStepAsksForTheReasonWhenTheOpeningDidNotSayIt()
    {
        factory.Predict(("booking/appointment", 0.95f));
        var client = new BotClient(factory.CreateClient(), "sms");
        var replies = await client.SayAsync("i want to make an appointment");
        Assert.Contains("What would you like to book?", Last(replies), StringComparison.Ordinal);
        Assert.Equal(4, replies[^1].SuggestedActions!.Actions.Count);
        Assert.Contains("What's your name", Last(await client.SayAsync("Reschedule an appointment")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardChannelsGetTheFormAndASubmitFillsEveryStepAtOnce()
    {
        var client = await StartAsync("webchat");
        var submit = new JObject
        {
            ["type"] = "message",
            ["value"] = new JObject
            {
                ["action"] = BookingCard.SubmitAction,
                ["reason"] = "Infusion",
                ["name"] = "Sam Rivera",
                ["phone"] = "",
                ["email"] = "sam@example.com",
                ["preferredTime"] = "tomorrow morning",
            },
            ["channelData"] = new JObject { ["postBack"] = true },
        };
        var summary = Last(await client.SendAsync(submit));
        Assert.Contains("Sam Rivera", summary, StringComparison.Ordinal);
        Assert.Contains("sam@example.com", summary, StringComparison.Ordinal);
        Assert.Contains("Infusion appointment", summary, StringComparison.Ordinal);
        Assert.Contains("PSI-", Last(await client.SayAsync("Yes, send it")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBookingCardIsAnAdaptiveCardWithSubmitActions()
    {
        factory.Predict(("booking/appointment", 0.95f));
        var replies = await new BotClient(factory.CreateClient(), "webchat").SayAsync("book an appointment");
        var card = Assert.Single(replies[^1].Attachments!);
        Assert.Equal(ContentTypes.AdaptiveCard, card.ContentType);
        var actions = (JArray)card.Content!["actions"]!;
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.Equal(["reason", "name", "phone", "email", "preferredTime"], card.Content["body"]!.Where(b => b["id"] is not null).Select(b => (string)b["id"]!));
    }

    [Fact]
    public async Task ACardWithMistakesComesBackWithTheProblemsListed()
    {
        var client = await StartAsync("webchat");
        var submit = new JObject
        {
            ["type"] = "message",
            ["value"] = new JObject { ["action"] = BookingCard.SubmitAction, ["reason"] = "Infusion", ["name"] = "R2D2 !!", ["phone"] = "123", ["email"] = "", ["preferredTime"] = "Saturday" },
        };
        var reply = (await client.SendAsync(submit))[^1];
        Assert.Contains("need another look", reply.Text, StringComparison.Ordinal);
        var problems = reply.Attachments![0].Content!["body"]!.Where(b => (string?)b["color"] == "Attention").Select(b => (string)b["text"]!).ToList();
        Assert.Contains(problems, p => p.Contains("name", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("phone number", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("closed", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Jordan Lee", "not a phone", "That doesn't look like a phone number")]
    [InlineData("Jordan Lee", "555-12", "That doesn't look like a phone number")]
    [InlineData("12345", null, "letters only")]
    [InlineData("jordan@example.com", null, "letters only")]
    public async Task BadAnswersAreReAskedClearly(string name, string? contact, string expected)
    {
        var client = await StartAsync("sms");
        var reply = Last(await client.SayAsync(name));
        if (contact is not null)
        {
            reply = Last(await client.SayAsync(contact));
        }

        Assert.Contains(expected, reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday", "past")]
    [InlineData("Saturday morning", "closed")]
    [InlineData("purple elephants", "didn't understand")]
    public async Task PastDatesClosedDaysAndNonsenseAreRejectedWithAnExplanation(string when, string expected)
    {
        var client = await StartAsync("sms");
        await client.SayAsync("Jordan Lee");
        await client.SayAsync("jordan@example.com");
        Assert.Contains(expected, Last(await client.SayAsync(when)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CancelWorksAtEveryStepAndNothingIsSent(int answered)
    {
        var client = await StartAsync("sms");
        var before = (await Store.ListAsync(null, 1000, CancellationToken.None)).Count;
        foreach (var answer in new[] { "Jordan Lee", "jordan@example.com", "tomorrow afternoon" }.Take(answered))
        {
            await client.SayAsync(answer);
        }

        Assert.Contains("cancelled", Last(await client.SayAsync("cancel")), StringComparison.Ordinal);
        Assert.Equal(before, (await Store.ListAsync(null, 1000, CancellationToken.None)).Count);

        // Out of the dialog: the next message is a question again.
        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.Equal(factory.Catalog.Find("faq/infusion_duration")!.Answer, Last(await client.SayAsync("how long is an infusion")));
    }

    [Fact]
    public async Task StartOverBeginsTheRequestAgain()
    {
        var client = await StartAsync("sms");
        await client.SayAsync("Jordan Lee");
        Assert.Contains("What would you like to book?", Last(await client.SayAsync("start over")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingSomethingFromTheSummaryReturnsToTheSummary()
    {
        var client = await StartAsync("sms");
        await client.SayAsync("Jordan Lee");
        await client.SayAsync("jordan@example.com");
        await client.SayAsync("tomorrow afternoon");
        Assert.Contains("What would you like to change?", Last(await client.SayAsync("Change something")), StringComparison.Ordinal);
        Assert.Contains("What's your name", Last(await client.SayAsync("Name")), StringComparison.Ordinal);
        var summary = Last(await client.SayAsync("Jordan A. Lee"));
        Assert.Contains("Jordan A. Lee", summary, StringComparison.Ordinal);
        Assert.Contains("Shall I send", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSafetyGateFiresInTheMiddleOfBooking()
    {
        var client = await StartAsync("sms");
        await client.SayAsync("Jordan Lee");
        var replies = await client.SayAsync("honestly I don't want to live anymore");
        Assert.Contains("988", replies[0].Text, StringComparison.Ordinal);

        // The booking was dropped (and, in clinic hours, staff were asked to join): the next message is not taken
        // as an answer to the booking's contact question.
        factory.Predict(("faq/infusion_duration", 0.95f));
        var next = await client.SayAsync("3125550123");
        Assert.DoesNotContain(next, a => (a.Text ?? string.Empty).Contains("When would you like", StringComparison.Ordinal));
        Assert.Contains(replies, a => (a.Text ?? string.Empty).Contains("staff member", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskingForAPersonMidBookingHandsOff()
    {
        var client = await StartAsync("sms");
        var reply = Last(await client.SayAsync("Talk to a person"));
        Assert.Contains("staff member will reply here", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCardFormCanBeCancelledWithItsButton()
    {
        var client = await StartAsync("webchat");
        var reply = Last(await client.SendAsync(new JObject { ["type"] = "message", ["value"] = new JObject { ["action"] = BookingCard.CancelAction } }));
        Assert.Contains("cancelled", reply, StringComparison.Ordinal);
    }
}
