using Chatbot.Faq.Safety;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Booking;

/// <summary>
/// People interrupt a booking: the real host and the real model read each message in the dialog's context. Each test is
/// a transcript (the format is in <see cref="Transcript"/>) — what the patient types, and what the bot's last replies must say.
/// </summary>
public sealed class BookingInterruptionTests(ChatbotAppFactory factory) : IClassFixture<ChatbotAppFactory>
{
    [Fact]
    public async Task AQuestionMidBookingIsAnsweredThenTheBookingResumesAndNeverMindCancelsIt()
    {
        var knowledge = await ReadyAsync();
        var bot = new BotClient(factory.CreateClient(), "sms");
        await bot.PlayAsync("""
            > I'd like to book a new patient consultation
            < What's your name
            """);
        var replies = await bot.PlayAsync("""
            > hang on, how long does an infusion take?
            < back to your booking request … What's your name
            """);
        Assert.Equal(knowledge.Find("faq/infusion_duration")!.Answer, replies[0].Text);
        await bot.PlayAsync("""
            > Jordan Lee
            < phone number or e-mail
            > forget it, I'll do this another time
            < cancelled this booking request
            """);
    }

    [Fact]
    public async Task ACorrectionOfAnEarlierAnswerUpdatesIt()
    {
        await ReadyAsync();
        await new BotClient(factory.CreateClient(), "sms").PlayAsync("""
            > I'd like to book a new patient consultation
            < What's your name
            > Jordan Lee
            < phone number or e-mail
            > 312-555-0123
            < When would you like to come in
            > sorry, my number is actually 312-555-0199
            < updated your contact details … When would you like to come in
            """);
    }

    [Fact]
    public async Task StartingOverMidBookingRestartsTheConversation()
    {
        await ReadyAsync();
        await new BotClient(factory.CreateClient(), "sms").PlayAsync("""
            > I'd like to book a new patient consultation
            < What's your name
            > let's start over from the beginning
            < virtual assistant
            """);
    }

    private async Task<Chatbot.Faq.Answering.FaqKnowledge> ReadyAsync()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        Assert.NotNull(factory.Services.GetRequiredService<SafetyModelHolder>().Wait(TimeSpan.FromMinutes(5)));
        return knowledge;
    }
}
