using Chatbot.BotFramework.Schema;
using Chatbot.Staff.Notifications;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Tests.Handoff;

/// <summary>Hand-off in and out of clinic hours, with the host's fake clock; conversations as transcripts where they read as one.</summary>
public sealed class HandoffTests
{
    /// <summary>The bot answers again: a question gets its approved answer (the format is in <see cref="Transcript"/>).</summary>
    private const string InfusionQuestion = """

        ~ faq/infusion_duration 0.95
        > how long is an infusion
        < infusion
        """;

    [Fact]
    public async Task DuringHoursTheBotHandsOffEmitsTheEventNotifiesStaffAndGoesQuiet()
    {
        await using var factory = new ScriptedClassifierFactory(); // Tuesday 10:00 in Chicago
        factory.Predict(("handoff/human", 0.95f));
        var client = new BotClient(factory.CreateClient(), "webchat");
        var replies = await client.SayAsync("can I talk to a real person please, my email is pat@example.com");
        var initiate = Assert.Single(replies, a => a.Type == ActivityTypes.Event);
        Assert.Equal("handoff.initiate", initiate.Name);
        var transcript = initiate.Attachments![0].Content!.ToString();
        Assert.DoesNotContain("pat@example.com", transcript, StringComparison.Ordinal);
        Assert.Contains("[email]", transcript, StringComparison.Ordinal);
        Assert.Contains("staff member will reply here", replies[^1].Text, StringComparison.Ordinal);
        var pending = await factory.Services.GetRequiredService<INotificationOutbox>().PendingAsync(10, CancellationToken.None);
        Assert.Contains(pending, p => p.Notification.Kind == StaffNotificationKind.HandoffRequested);

        // Quiet while a person is expected; the safety gate still runs.
        var crisis = await client.PlayAsync("""
            ~ faq/infusion_duration 0.95
            > hello? how long is an infusion
            < (nothing)
            > i want to die
            """, factory);
        Assert.Contains("988", crisis[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHubCompletingTheHandOffGivesTheConversationBack()
    {
        await using var factory = new ScriptedClassifierFactory();
        var client = new BotClient(factory.CreateClient(), "webchat");
        await client.PlayAsync("""
            ~ handoff/human 0.95
            > talk to a person
            < staff member will reply here
            """, factory);
        var back = await client.SendAsync(new JObject { ["type"] = "event", ["name"] = "handoff.status", ["value"] = new JObject { ["state"] = "completed" } });
        Assert.Contains("back with the virtual assistant", back[^1].Text, StringComparison.Ordinal);
        await client.PlayAsync(InfusionQuestion, factory);
    }

    [Fact]
    public async Task TheBotTakesOverAgainAfterTheTimeout()
    {
        await using var factory = new ScriptedClassifierFactory();
        var client = new BotClient(factory.CreateClient(), "webchat");
        await client.PlayAsync("""
            ~ handoff/human 0.95
            > talk to a person
            < staff member will reply here
            """, factory);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await client.PlayAsync(InfusionQuestion, factory);
    }

    [Fact]
    public async Task OutsideHoursThePatientGetsThePhoneAndHoursAndTheBotKeepsAnswering()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero)); // Sunday
        await new BotClient(factory.CreateClient(), "webchat").PlayAsync("""
            ~ handoff/human 0.95
            > talk to a person
            < away right now … (312) 555-0100
            """ + InfusionQuestion, factory);
    }

    [Fact]
    public async Task CrisisOutsideHoursRepeats988And911()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero)); // 23:00 Tuesday in Chicago
        var replies = await new BotClient(factory.CreateClient(), "webchat").SayAsync("i want to kill myself");
        Assert.Contains("988", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("988", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("911", replies[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 11, 25, 5, "tomorrow at 8:00 AM CT")]  // 23:00 Tuesday in Chicago
    [InlineData(2026, 11, 28, 0, "Monday at 8:00 AM CT")]    // 18:00 Friday
    [InlineData(2026, 11, 25, 12, "today at 8:00 AM CT")]    // 06:00 Wednesday
    public async Task CrisisOutsideHoursSaysWhenTheClinicOpensAndPromisesNoFollowUp(int year, int month, int day, int utcHour, string opens)
    {
        // Issue 15: "We'll also follow up when we open at (312) 555-0100" promised an anonymous visitor a follow-up
        // and read as if the phone number were an opening time.
        await using var factory = new ScriptedClassifierFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero));
        var reply = (await new BotClient(factory.CreateClient(), "webchat").SayAsync("i want to kill myself"))[^1].Text!;
        Assert.Contains("[988](tel:988)", reply, StringComparison.Ordinal);
        Assert.Contains("[911](tel:911)", reply, StringComparison.Ordinal);
        Assert.Contains($"The clinic opens again {opens}; you can call us then at (312) 555-0100.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("follow up", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFallbacksInARowHandOff()
    {
        await using var factory = new ScriptedClassifierFactory();
        await new BotClient(factory.CreateClient(), "sms").PlayAsync("""
            ~ out_of_scope 0.9
            > asdf
            > qwer
            < staff member will reply here
            """, factory);
    }

    [Fact]
    public async Task TeamsGetsNoHandoffEventActivity()
    {
        await using var factory = new Teams.TeamsTestFactory();
        factory.Predict(("handoff/human", 0.95f));
        var replies = await new BotClient(factory.CreateClient(), "msteams").SayAsync("talk to a person");
        Assert.DoesNotContain(replies, a => a.Type == ActivityTypes.Event);
    }
}
