using Chatbot.Faq.Safety;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Booking;

/// <summary>
/// People interrupt a booking: the real host and the real model read each message in the dialog's context. Each test is
/// a transcript — what the patient types, and what the bot's last reply must say.
/// </summary>
public sealed class BookingInterruptionTests(ChatbotAppFactory factory) : IClassFixture<ChatbotAppFactory>
{
    [Fact]
    public async Task AQuestionMidBookingIsAnsweredThenTheBookingResumesAndNeverMindCancelsIt()
    {
        var knowledge = await ReadyAsync();
        var bot = new BotClient(factory.CreateClient(), "sms");
        await ExpectAsync(bot, "I'd like to book a new patient consultation", "What's your name");

        var replies = await TextsAsync(bot, "hang on, how long does an infusion take?");
        Assert.Equal(knowledge.Find("faq/infusion_duration")!.Answer, replies[0]);
        Assert.Contains("back to your booking request", replies[^1], StringComparison.Ordinal);
        Assert.Contains("What's your name", replies[^1], StringComparison.Ordinal);

        await ExpectAsync(bot, "Jordan Lee", "phone number or e-mail");
        await ExpectAsync(bot, "forget it, I'll do this another time", "cancelled this booking request");
    }

    [Fact]
    public async Task ACorrectionOfAnEarlierAnswerUpdatesIt()
    {
        await ReadyAsync();
        var bot = new BotClient(factory.CreateClient(), "sms");
        await ExpectAsync(bot, "I'd like to book a new patient consultation", "What's your name");
        await ExpectAsync(bot, "Jordan Lee", "phone number or e-mail");
        await ExpectAsync(bot, "312-555-0123", "When would you like to come in");
        var reply = await ExpectAsync(bot, "sorry, my number is actually 312-555-0199", "updated your contact details");
        Assert.Contains("When would you like to come in", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingOverMidBookingRestartsTheConversation()
    {
        await ReadyAsync();
        var bot = new BotClient(factory.CreateClient(), "sms");
        await ExpectAsync(bot, "I'd like to book a new patient consultation", "What's your name");
        await ExpectAsync(bot, "let's start over from the beginning", "virtual assistant");
    }

    private static async Task<string> ExpectAsync(BotClient bot, string says, string botSays)
    {
        var last = (await TextsAsync(bot, says))[^1];
        Assert.True(last.Contains(botSays, StringComparison.Ordinal), $"after \"{says}\" the bot said \"{last}\", expected \"{botSays}\"");
        return last;
    }

    private static async Task<List<string>> TextsAsync(BotClient bot, string says) =>
        (await bot.SayAsync(says)).Where(a => a.Type == "message").Select(a => a.Text ?? string.Empty).ToList();

    private async Task<Chatbot.Faq.Answering.FaqKnowledge> ReadyAsync()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        Assert.NotNull(factory.Services.GetRequiredService<SafetyModelHolder>().Wait(TimeSpan.FromMinutes(5)));
        return knowledge;
    }
}
