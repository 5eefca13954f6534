using System.Text.RegularExpressions;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Bookings;
using Chatbot.Patients.Booking;
using Chatbot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Booking;

/// <summary>
/// The booking dialog as transcripts, driven without a web host (<see cref="DialogTestClient"/>; the format is in
/// <see cref="Transcript"/>). The clock is Tuesday 24 November 2026, 10:00 in Chicago. "sms" stands for a channel
/// without cards (the text path); "webchat" gets the card. What the router does around the dialog (the safety gate,
/// hand-off, the turn after a cancel) is in <see cref="BookingRoutingTests"/>.
/// </summary>
public sealed class BookingDialogTests
{
    private const string Opening = "> I'd like to book a consultation\n< What's your name\n";

    private const string Summary = "[Yes, send it | Change something | Cancel]";

    /// <summary>Conversations whose every assertion is in the transcript.</summary>
    public static TheoryData<string, string, string> Conversations => new()
    {
        {
            "the first step asks for the reason when the opening did not say it", "sms", """
            > i want to make an appointment
            < What would you like to book? [New-patient consultation | Infusion appointment | Reschedule an appointment | Cancel an appointment]
            > Reschedule an appointment
            < What's your name
            """
        },
        {
            "a card submit fills every step at once", "webchat", """
            > I'd like to book a consultation
            > {submit} reason=Infusion | name=Sam Rivera | phone= | email=sam@example.com | preferredTime=tomorrow morning
            < Infusion appointment … Sam Rivera … sam@example.com
            > Yes, send it
            < PSI-
            """
        },
        {
            "a phone number that is not one is asked again", "sms", Opening + """
            > Jordan Lee
            > not a phone
            < That doesn't look like a phone number
            """
        },
        {
            "a phone number too short is asked again", "sms", Opening + """
            > Jordan Lee
            > 555-12
            < That doesn't look like a phone number
            """
        },
        {
            "a name of digits is asked again", "sms", Opening + """
            > 12345
            < letters only
            """
        },
        {
            "an e-mail address for a name is asked again", "sms", Opening + """
            > jordan@example.com
            < letters only
            """
        },
        {
            "a past date is rejected with an explanation", "sms", Opening + """
            > Jordan Lee
            > jordan@example.com
            > yesterday
            < past
            """
        },
        {
            "a closed day is rejected with an explanation", "sms", Opening + """
            > Jordan Lee
            > jordan@example.com
            > Saturday morning
            < closed
            """
        },
        {
            "nonsense for a time is rejected with an explanation", "sms", Opening + """
            > Jordan Lee
            > jordan@example.com
            > purple elephants
            < didn't understand
            """
        },
        {
            "start over begins the request again", "sms", Opening + """
            > Jordan Lee
            > start over
            < What would you like to book?
            """
        },
        {
            "changing something from the summary returns to the summary", "sms", Opening + $"""
            > Jordan Lee
            > jordan@example.com
            > tomorrow afternoon
            < Shall I send {Summary}
            > Change something
            < What would you like to change? [Reason | Name | Contact details | Preferred time | Cancel]
            > Name
            < What's your name
            > Jordan A. Lee
            < Jordan A. Lee … Shall I send {Summary}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation(string name, string channel, string transcript)
    {
        Assert.NotEmpty(name);
        using var client = new DialogTestClient(channel);
        await client.PlayAsync(transcript);
    }

    [Fact]
    public async Task TheWholeRequestByTextIsSavedBeforeThePatientGetsAReference()
    {
        using var client = new DialogTestClient("sms");
        var done = await client.PlayAsync(Opening + $"""
            > doesn't matter, the reason was in the first message
            < What's your name
            > Jordan Lee
            < phone number or e-mail
            > (312) 555-0123
            < When would you like to come in
            > next Tuesday afternoon
            < New-patient consultation … Jordan Lee … (312) 555-0123 … Shall I send {Summary}
            > yes
            < PSI- … within one business day
            """);

        var reference = Regex.Match(done[^1].Text!, @"PSI-[A-Z2-9]{6}").Value;
        Assert.NotEmpty(reference);
        var saved = await client.Bookings.GetAsync(reference, CancellationToken.None);
        Assert.NotNull(saved);
        Assert.Equal(("Jordan Lee", "3125550123", BookingReason.NewPatientConsultation, BookingStatus.New), (saved.Name, saved.Phone, saved.Reason, saved.Status));
        Assert.Contains(await client.Outbox.PendingAsync(100, CancellationToken.None), i => i.Notification.Subject.Contains(reference, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CancelWorksAtEveryStepAndNothingIsSent(int answered)
    {
        using var client = new DialogTestClient("sms");
        var answers = new[] { "> Jordan Lee", "> jordan@example.com", "> tomorrow afternoon" }.Take(answered);
        await client.PlayAsync(Opening + string.Join('\n', answers) + """

            > cancel
            < cancelled this booking request — nothing was sent [Book a consultation | Talk to a person]
            """);

        Assert.Equal(BookingTurnOutcome.Ended, client.LastOutcome);
        Assert.Null(client.State.ActiveDialog);
        Assert.Empty(await client.Bookings.ListAsync(null, 1000, CancellationToken.None));
        Assert.Empty(await client.Outbox.PendingAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task TheCardFormCanBeCancelledWithItsButton()
    {
        using var client = new DialogTestClient("webchat");
        await client.PlayAsync("""
            > I'd like to book a consultation
            > {cancel}
            < cancelled
            """);
        Assert.Equal(BookingTurnOutcome.Ended, client.LastOutcome);
    }

    [Fact]
    public async Task AskingForAPersonMidBookingEndsTheDialogForAHandOff()
    {
        // The hand-off itself (the "staff member will reply here" reply) is the router's: BookingRoutingTests.
        using var client = new DialogTestClient("sms");
        await client.PlayAsync(Opening + "> Talk to a person");
        Assert.Equal(BookingTurnOutcome.HandoffRequested, client.LastOutcome);
        Assert.Null(client.State.ActiveDialog);
    }

    [Fact]
    public async Task TheBookingCardIsAnAdaptiveCardWithSubmitActions()
    {
        using var client = new DialogTestClient("webchat");
        var replies = await client.SayAsync("book an appointment");
        var card = Assert.Single(replies[^1].Attachments!);
        Assert.Equal(ContentTypes.AdaptiveCard, card.ContentType);
        var actions = (JArray)card.Content!["actions"]!;
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.Equal(["reason", "name", "phone", "email", "preferredTime"], card.Content["body"]!.Where(b => b["id"] is not null).Select(b => (string)b["id"]!));
    }

    [Fact]
    public async Task ACardWithMistakesComesBackWithTheProblemsListed()
    {
        using var client = new DialogTestClient("webchat");
        var replies = await client.PlayAsync("""
            > I'd like to book a consultation
            > {submit} reason=Infusion | name=R2D2 !! | phone=123 | email= | preferredTime=Saturday
            < need another look
            """);
        var problems = replies[^1].Attachments![0].Content!["body"]!.Where(b => (string?)b["color"] == "Attention").Select(b => (string)b["text"]!).ToList();
        Assert.Contains(problems, p => p.Contains("name", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("phone number", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("closed", StringComparison.OrdinalIgnoreCase));
    }
}
