using Chatbot.Patients;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Chatbot.Tests.Conversation;

/// <summary>
/// "What are your hours?" is a question, not a request for a person: it gets the clinic's hours and a tap-to-call
/// number from the clinic's settings, and the bot keeps answering — also while the clinic is open, when asking for a
/// person would hand the chat to staff and quiet the bot.
/// </summary>
public sealed class ClinicContactTests(RealModelTests.Factory realModel) : IClassFixture<RealModelTests.Factory>
{
    [Theory]
    [InlineData("what are your hours")]
    [InlineData("when are you open?")]
    [InlineData("what's the phone number for the clinic")]
    [InlineData("are you open on saturdays")]
    public async Task PatientsAskingForTheHoursOrPhoneGetThemFromTheClinicsSettings(string question)
    {
        await KnowledgeReady.WaitAsync(realModel.Services);

        var reply = (await new BotClient(realModel.CreateClient()).SayAsync(question)).Last(a => a.Type == "message");

        Assert.Contains("[(312) 555-0100](tel:3125550100)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Monday to Friday, 8 am to 5 pm Central time", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{clinic.", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == BotReplies.TalkToPersonTitle);
    }

    [Fact]
    public async Task DuringOpeningHoursTheHoursQuestionDoesNotHandTheChatToStaff()
    {
        await using var factory = new ScriptedClassifierFactory(); // Tuesday 10:00 in Chicago: open
        var client = new BotClient(factory.CreateClient(), "webchat");

        await client.PlayAsync("""
            ~ faq/hours_and_phone 0.95
            > what are your hours
            < Our hours are Monday to Friday, 8 am to 5 pm Central time
            <! staff member will reply here

            ~ faq/infusion_duration 0.95
            > how long is an infusion
            < infusion
            """, factory);
    }

    [Fact]
    public void TheClinicsSettingsFillInAnAnswer()
    {
        var replies = new BotReplies(Options.Create(new ClinicOptions()));

        Assert.Equal(
            "Call **Pain & Spine Institute** at [(312) 555-0100](tel:3125550100), Monday to Friday, 8 am to 5 pm Central time.",
            replies.FillIn("Call **{clinic.name}** at {clinic.phone}, {clinic.hours}."));
        Assert.Equal("No settings named here.", replies.FillIn("No settings named here."));
    }
}
