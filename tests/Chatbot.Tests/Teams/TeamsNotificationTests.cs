using System.Text.RegularExpressions;
using Chatbot.Patients.Booking;
using Chatbot.Staff.Notifications;
using Chatbot.Staff.Teams;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;
using Chatbot.Testing;

namespace Chatbot.Tests.Teams;

/// <summary>
/// Staff notifications posted proactively into the configured Teams channel through a fake Connector, and the outbox
/// retrying them (driven with the fake clock) after Teams refuses or fails.
/// </summary>
public sealed partial class TeamsNotificationTests : IAsyncLifetime
{
    private readonly TeamsTestFactory _factory = new();
    private FakeConnector _connector = null!;

    private NotificationDispatcher Dispatcher => _factory.Services.GetRequiredService<NotificationDispatcher>();

    private INotificationOutbox Outbox => _factory.Services.GetRequiredService<INotificationOutbox>();

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task ANewWebsiteBookingIsPostedToTheStaffChannel()
    {
        await InstallInTheStaffTeamAsync();
        var reference = await BookOnTheWebsiteAsync();

        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));

        var (method, path, create) = _connector.Requests.First();
        Assert.Equal(("POST", "/v3/conversations"), (method, path));
        Assert.True((bool)create["isGroup"]!);
        Assert.Equal(TeamsFixtures.ChannelId, (string?)create["channelData"]!["channel"]!["id"]);
        Assert.Equal(TeamsFixtures.ClinicTenant, (string?)create["channelData"]!["tenant"]!["id"]);
        Assert.Equal(TeamsFixtures.ClinicTenant, (string?)create["tenantId"]);
        Assert.Equal(TeamsFixtures.BotId, (string?)create["bot"]!["id"]);

        var request = await _factory.Services.GetRequiredService<IBookingStore>().GetAsync(reference, default);
        var card = (JObject)create["activity"]!["attachments"]![0]!["content"]!;
        var text = Cards.Text(card);
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("Infusion appointment", text, StringComparison.Ordinal);
        Assert.Contains("Sam Rivera", text, StringComparison.Ordinal);
        Assert.Contains("sam@example.com", text, StringComparison.Ordinal);
        Assert.Contains(request!.PreferredTimes, text, StringComparison.Ordinal);
        Assert.Contains(Cards.Executes(card), b => (string?)b["data"]!["reference"] == reference && (string?)b["data"]!["view"] == "single");

        // The thread was created without its first post (no activityId in the answer): the card is posted into it.
        var (_, postPath, post) = _connector.Requests.Skip(1).Single();
        Assert.StartsWith("/v3/conversations/19%3Astaffchannel%40thread.tacv2%3Bmessageid%3D", postPath, StringComparison.Ordinal);
        Assert.Equal(card.ToString(), post["attachments"]![0]!["content"]!.ToString());
        Assert.Empty(await Outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task WhenTeamsPostsTheCardWithTheNewThreadNothingMoreIsSent()
    {
        _connector.CreatePostsActivity = true;
        await InstallInTheStaffTeamAsync();
        await BookOnTheWebsiteAsync();
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task AChannelMessageFromStaffIsEnoughToKnowWhereToPost()
    {
        _connector.CreatePostsActivity = true;
        _factory.Predict(("faq/cost", 0.95f));
        await _factory.SendAsync(TeamsFixtures.Channel("how much does it cost").WithServiceUrl(_connector.ServiceUrl));
        await BookOnTheWebsiteAsync();
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        Assert.Equal(TeamsFixtures.ChannelId, (string?)Assert.Single(_connector.Requests).Body["channelData"]!["channel"]!["id"]);
    }

    [Theory]
    [InlineData(403, "Forbidden", "MessageWritesBlocked")]
    [InlineData(500, "InternalServerError", null)]
    public async Task AFailedPostIsLoggedKeptAndRetriedByTheOutbox(int status, string code, string? subCode)
    {
        _connector.CreatePostsActivity = true;
        await InstallInTheStaffTeamAsync();
        await BookOnTheWebsiteAsync();
        _connector.FailNext(status, code, subCode);

        Assert.Equal(0, await Dispatcher.DispatchDueAsync(default));
        var item = Assert.Single(await Outbox.PendingAsync(10, default));
        Assert.Equal(1, item.Attempts);
        Assert.Contains($"teams: HTTP {status}", item.LastError, StringComparison.Ordinal);
        Assert.Contains(_factory.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains($"via teams on attempt 1: HTTP {status}", StringComparison.Ordinal));
        if (subCode is not null)
        {
            Assert.Contains(_factory.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains(subCode, StringComparison.Ordinal));
        }

        // Not due yet: nothing is sent. After the backoff it is delivered.
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(default));
        Assert.Single(_connector.Requests);
        _factory.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Empty(await Outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task UntilTheBotKnowsWhereToPostTheNotificationWaitsInTheOutbox()
    {
        await BookOnTheWebsiteAsync();
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(default));
        Assert.Empty(_connector.Requests);
        var item = Assert.Single(await Outbox.PendingAsync(10, default));
        Assert.Contains("teams: InvalidOperationException", item.LastError, StringComparison.Ordinal);

        _connector.CreatePostsActivity = true;
        await InstallInTheStaffTeamAsync();
        _factory.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
    }

    [Fact]
    public async Task AHandOffIsPostedWithItsReasonAndTheRedactedMessagesAndCanBeReleasedFromThere()
    {
        _connector.CreatePostsActivity = true;
        await InstallInTheStaffTeamAsync();
        _factory.Predict(("handoff/human", 0.95f));
        var patient = new BotClient(_factory.CreateClient(), "webchat");
        await patient.SayAsync("please let me talk to a person, my email is pat@example.com");

        Assert.Equal(1, await Dispatcher.DispatchDueAsync(default));
        var card = (JObject)Assert.Single(_connector.Requests).Body["activity"]!["attachments"]![0]!["content"]!;
        var text = Cards.Text(card);
        Assert.Contains("A patient asked for a person", text, StringComparison.Ordinal);
        Assert.Contains("[email]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pat@example.com", text, StringComparison.Ordinal);
        Assert.Equal(["handoff.take", "handoff.release"], Cards.Executes(card).Select(b => (string?)b["verb"]));
        var release = Cards.Executes(card).Single(b => (string?)b["verb"] == "handoff.release");

        var invoke = TeamsFixtures.Load("adaptive-card-action");
        invoke["value"]!["action"]!["verb"] = "handoff.release";
        invoke["value"]!["action"]!["data"] = release["data"]!.DeepClone();
        var (_, body) = await _factory.InvokeAsync(invoke);
        Assert.Contains("released", Cards.Text((JObject)body!["value"]!), StringComparison.Ordinal);
        _factory.Predict(("faq/infusion_duration", 0.95f));
        Assert.NotEmpty(await patient.SayAsync("how long is an infusion"));
    }

    [Fact]
    public async Task WithoutAChannelIdTheTeamsChannelIsOff()
    {
        await using var plain = new ScriptedClassifierFactory();
        var channel = plain.Services.GetRequiredService<TeamsNotificationChannel>();
        Assert.False(channel.IsConfigured);
        Assert.DoesNotContain(plain.Services.GetRequiredService<NotificationDispatcher>().ConfiguredChannels, c => c.Name == "teams");
        Assert.Contains(_factory.Services.GetRequiredService<NotificationDispatcher>().ConfiguredChannels, c => c.Name == "teams");
    }

    private async Task InstallInTheStaffTeamAsync() =>
        await _factory.SendAsync(TeamsFixtures.Load("conversation-update-bot-added").WithServiceUrl(_connector.ServiceUrl));

    /// <summary>A patient requests an appointment on the website (the card path); returns the reference.</summary>
    private async Task<string> BookOnTheWebsiteAsync()
    {
        _factory.Predict(("booking/appointment", 0.95f));
        var patient = new BotClient(_factory.CreateClient(), "webchat");
        await patient.SayAsync("I'd like to book an infusion");
        await patient.SendAsync(new JObject
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
        });
        var done = (await patient.SayAsync("Yes, send it"))[^1].Text!;
        return Reference().Match(done).Value;
    }

    [GeneratedRegex("PSI-[A-Z2-9]{6}")]
    private static partial Regex Reference();
}
