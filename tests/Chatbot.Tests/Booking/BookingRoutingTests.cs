using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Bookings;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Booking;

/// <summary>
/// What the router does around the booking dialog, as transcripts through /api/messages (the format is in
/// <see cref="Transcript"/>): the safety gate and hand-off mid-booking, the message after a cancel, an old form.
/// The host's clock is Tuesday 24 November 2026, 10:00 in Chicago; the classifier says what each test scripts.
/// </summary>
public sealed class BookingRoutingTests(ScriptedClassifierFactory factory) : IClassFixture<ScriptedClassifierFactory>
{
    private async Task<BotClient> StartAsync(string channel)
    {
        factory.Predict(("booking/appointment", 0.95f));
        var client = new BotClient(factory.CreateClient(), channel);
        await client.PlayAsync("> I'd like to book a consultation");
        return client;
    }

    private static string Last(IReadOnlyList<Activity> replies) => replies[^1].Text ?? string.Empty;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AfterACancelAtAnyStepNothingIsSentAndTheNextMessageIsAQuestionAgain(int answered)
    {
        var client = await StartAsync("sms");
        var store = factory.Services.GetRequiredService<IBookingStore>();
        var before = (await store.ListAsync(null, 1000, CancellationToken.None)).Count;
        var answers = new[] { "> Jordan Lee", "> jordan@example.com", "> tomorrow afternoon" }.Take(answered);
        await client.PlayAsync(string.Join('\n', answers) + "\n> cancel\n< cancelled");
        Assert.Equal(before, (await store.ListAsync(null, 1000, CancellationToken.None)).Count);

        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.Equal(factory.Catalog.Find("faq/infusion_duration")!.Answer, Last(await client.SayAsync("how long is an infusion")));
    }

    [Fact]
    public async Task TheSafetyGateFiresInTheMiddleOfBooking()
    {
        var client = await StartAsync("sms");
        await client.PlayAsync("> Jordan Lee");
        var replies = await client.SayAsync("honestly I don't want to live anymore");
        Assert.Contains("988", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(replies, a => (a.Text ?? string.Empty).Contains("staff member", StringComparison.Ordinal));

        // The booking was dropped (and, in clinic hours, staff were asked to join): the next message is not taken
        // as an answer to the booking's contact question.
        factory.Predict(("faq/infusion_duration", 0.95f));
        await client.PlayAsync("""
            > 3125550123
            <! When would you like
            """);
    }

    [Fact]
    public async Task AskingForAPersonMidBookingHandsOff()
    {
        var client = await StartAsync("sms");
        await client.PlayAsync("""
            > Talk to a person
            < staff member will reply here
            """);
    }

    [Fact]
    public async Task AnOldCardPressedAfterTheFormClosedIsAnsweredAsSuch()
    {
        // Issue 15: the cancelled form's button pressed again (another tab, a slow second press) is not "I didn't catch a question".
        var client = await StartAsync("webchat");
        await client.PlayAsync("""
            > {cancel}
            > {submit} reason=NewPatientConsultation | name=Jordan Lee | phone=(312) 555-0123 | preferredTime=mornings
            < form is already closed [Book a consultation | Talk to a person]
            <! didn't catch
            """);
    }
}
