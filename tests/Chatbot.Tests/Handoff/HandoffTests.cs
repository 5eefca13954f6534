using Chatbot.BotFramework.Schema;
using Chatbot.Notifications;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Tests.Handoff;

/// <summary>Hand-off in and out of clinic hours, with the host's fake clock.</summary>
public sealed class HandoffTests
{
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

        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.Empty(await client.SayAsync("hello? how long is an infusion"));

        // The safety gate still runs while a person is expected.
        Assert.Contains("988", (await client.SayAsync("i want to die"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHubCompletingTheHandOffGivesTheConversationBack()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("handoff/human", 0.95f));
        var client = new BotClient(factory.CreateClient(), "webchat");
        await client.SayAsync("talk to a person");
        var back = await client.SendAsync(new JObject { ["type"] = "event", ["name"] = "handoff.status", ["value"] = new JObject { ["state"] = "completed" } });
        Assert.Contains("back with the virtual assistant", back[^1].Text, StringComparison.Ordinal);
        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.NotEmpty(await client.SayAsync("how long is an infusion"));
    }

    [Fact]
    public async Task TheBotTakesOverAgainAfterTheTimeout()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("handoff/human", 0.95f));
        var client = new BotClient(factory.CreateClient(), "webchat");
        await client.SayAsync("talk to a person");
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.NotEmpty(await client.SayAsync("how long is an infusion"));
    }

    [Fact]
    public async Task OutsideHoursThePatientGetsThePhoneAndHoursAndTheBotKeepsAnswering()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero)); // Sunday
        factory.Predict(("handoff/human", 0.95f));
        var client = new BotClient(factory.CreateClient(), "webchat");
        var reply = (await client.SayAsync("talk to a person"))[^1].Text!;
        Assert.Contains("away right now", reply, StringComparison.Ordinal);
        Assert.Contains("(312) 555-0100", reply, StringComparison.Ordinal);
        factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.NotEmpty(await client.SayAsync("how long is an infusion"));
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

    [Fact]
    public async Task TwoFallbacksInARowHandOff()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("out_of_scope", 0.9f));
        var client = new BotClient(factory.CreateClient(), "sms");
        await client.SayAsync("asdf");
        var replies = await client.SayAsync("qwer");
        Assert.Contains("staff member will reply here", replies[^1].Text, StringComparison.Ordinal);
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
