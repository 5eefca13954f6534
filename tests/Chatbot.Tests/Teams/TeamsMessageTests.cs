using Chatbot.BotFramework.Schema;
using Chatbot.Faq.Classification;
using Chatbot.Staff.Teams;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Teams;
using Chatbot.Clinic.Unanswered;
using Chatbot.Testing;

namespace Chatbot.Tests.Teams;

/// <summary>
/// Teams-shaped activities (fixtures) through /api/messages: mentions, tenants, audience, install welcomes and where
/// Teams can show buttons.
/// </summary>
public sealed class TeamsMessageTests(TeamsTestFactory factory) : IClassFixture<TeamsTestFactory>
{
    private const string StaffAnswerId = "staff/find_booking_requests";

    [Fact]
    public async Task APersonalMessageFromTheClinicsTenantGetsTheStaffAnswer()
    {
        var reply = Assert.Single(await factory.SendAsync(TeamsFixtures.Load("personal-message")));
        Assert.Equal(factory.Catalog.Find(StaffAnswerId)!.Answer, reply.Text);
        Assert.Equal(TeamsFixtures.ClinicTenant, reply.Conversation!.TenantId);
    }

    [Fact]
    public async Task TheSameQuestionOnTheWebsiteNeverGetsTheStaffAnswer()
    {
        factory.Predict((StaffAnswerId, 0.97f), ("faq/cost", 0.01f));
        var question = (string)TeamsFixtures.Load("personal-message")["text"]!;
        var reply = Assert.Single(await new BotClient(factory.CreateClient(), "webchat").SayAsync(question));
        Assert.NotEqual(factory.Catalog.Find(StaffAnswerId)!.Answer, reply.Text);
        Assert.Contains("can't answer", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChannelMessageHasTheBotsMentionRemovedUsingItsEntityAndGetsTheStaffAnswer()
    {
        string? classified = null;
        factory.Classifier.Setup(c => c.Classify(It.IsAny<string>()))
            .Callback<string>(t => classified = t)
            .Returns(new IntentPrediction([new IntentScore(StaffAnswerId, 0.95f), new IntentScore("faq/cost", 0.02f)], false, ScriptedClassifierFactory.Thresholds, "scripted"));
        var replies = await factory.SendAsync(TeamsFixtures.Load("channel-message"));
        Assert.Equal("any booking requests waiting for us in here?", classified);
        Assert.Equal(factory.Catalog.Find(StaffAnswerId)!.Answer, replies[0].Text);
    }

    [Fact]
    public async Task AGroupChatMessageIsDecodedAndItsButtonsBecomeACard()
    {
        string? classified = null;
        factory.Classifier.Setup(c => c.Classify(It.IsAny<string>()))
            .Callback<string>(t => classified = t)
            .Returns(new IntentPrediction([new IntentScore("faq/infusion_duration", 0.95f)], false, ScriptedClassifierFactory.Thresholds, "scripted"));
        var replies = await factory.SendAsync(TeamsFixtures.Load("group-chat-message"));
        Assert.Equal("how long is an infusion & can I drive after?", classified);

        // Teams shows suggested actions only in personal chats: here the answer comes as text, then a card of buttons.
        Assert.Equal(2, replies.Count);
        Assert.Equal(factory.Catalog.Find("faq/infusion_duration")!.Answer, replies[0].Text);
        Assert.Null(replies[0].SuggestedActions);
        var card = Cards.Of(replies[1]);
        var buttons = card["actions"]!.ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Equal("imBack", (string?)b["data"]?["msteams"]?["type"]));
        var followUps = factory.Catalog.Find("faq/infusion_duration")!.FollowUps.Select(id => factory.Catalog.Find(id)!.Title);
        Assert.Equal(followUps, buttons.Select(b => (string?)b["data"]!["msteams"]!["value"]));
    }

    [Fact]
    public async Task InAPersonalChatSuggestedActionsStay()
    {
        factory.Predict(("faq/infusion_duration", 0.95f));
        var reply = Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("how long does it take")));
        Assert.NotEmpty(reply.SuggestedActions!.Actions);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task AnotherTenantGetsAPoliteRefusalAndNothingElse()
    {
        factory.Classifier.Reset();
        var before = (await factory.Services.GetRequiredService<IUnansweredQuestionStore>().ListAsync(DateTimeOffset.MinValue, 10_000, default)).Count;
        var message = TeamsFixtures.Load("personal-message").InTenant(TeamsFixtures.OtherTenant);
        var reply = Assert.Single(await factory.SendAsync(message));
        Assert.Contains("only available to", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.SuggestedActions);
        Assert.Null(reply.Attachments);
        factory.Classifier.Verify(c => c.Classify(It.IsAny<string>()), Times.Never);
        Assert.Equal(before, (await factory.Services.GetRequiredService<IUnansweredQuestionStore>().ListAsync(DateTimeOffset.MinValue, 10_000, default)).Count);
        var references = await factory.Services.GetRequiredService<ITeamsConversationStore>().ListAsync(100, default);
        Assert.DoesNotContain(references, r => r.TenantId == TeamsFixtures.OtherTenant);

        // Commands and install events from that tenant get nothing more either.
        Assert.Contains("only available to", Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("bookings").InTenant(TeamsFixtures.OtherTenant))).Text, StringComparison.Ordinal);
        Assert.Empty(await factory.SendAsync(TeamsFixtures.Load("conversation-update-bot-added").InTenant(TeamsFixtures.OtherTenant)));
    }

    [Fact]
    public async Task TheTenantIsAlsoReadFromConversationTenantId()
    {
        var message = TeamsFixtures.Load("personal-message");
        ((JObject)message["channelData"]!).Remove("tenant");
        Assert.Equal(factory.Catalog.Find(StaffAnswerId)!.Answer, Assert.Single(await factory.SendAsync(message)).Text);

        ((JObject)message["conversation"]!)["tenantId"] = TeamsFixtures.OtherTenant;
        Assert.Contains("only available to", Assert.Single(await factory.SendAsync(message)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantIsRefusedOutOfBandThroughTheConnectorToo()
    {
        await using var connector = await FakeConnector.StartAsync();
        var message = TeamsFixtures.Load("personal-message").InTenant(TeamsFixtures.OtherTenant).WithServiceUrl(connector.ServiceUrl);
        await factory.PostAsync(message);
        var body = await connector.WaitForAsync(r => r.Path.StartsWith("/v3/conversations/", StringComparison.Ordinal));
        Assert.Contains("only available to", (string?)body["text"], StringComparison.Ordinal);
        Assert.Equal((string?)message["id"], (string?)body["replyToId"]);
        await Task.Delay(200);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task InstallingInATeamGetsOneShortStaffWelcomeAndRemembersWhereToPost()
    {
        var update = TeamsFixtures.Load("conversation-update-bot-added");
        var welcome = Assert.Single(await factory.SendAsync(update));
        Assert.Contains("bookings", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("@mention", welcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ketamine infusion therapy", welcome.Text, StringComparison.Ordinal);

        // Teams also sends installationUpdate for the same install: no second welcome.
        var install = TeamsFixtures.Load("installation-update-add", uniqueConversation: false);
        install["conversation"] = update["conversation"]!.DeepClone();
        Assert.Empty(await factory.SendAsync(install));

        var conversationId = (string)update["conversation"]!["id"]!;
        var stored = (await factory.Services.GetRequiredService<ITeamsConversationStore>().ListAsync(100, default)).Single(r => r.ConversationId == conversationId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", stored.ServiceUrl);
        Assert.Equal(TeamsFixtures.ClinicTenant, stored.TenantId);
        Assert.Equal(TeamsFixtures.TeamId, stored.TeamId);
        Assert.Equal(TeamsFixtures.BotId, stored.BotId);
    }

    [Fact]
    public async Task InstallingInAPersonalChatGetsTheStaffWelcome()
    {
        var welcome = Assert.Single(await factory.SendAsync(TeamsFixtures.Load("installation-update-add")));
        Assert.Contains("**why**", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneElseJoiningTheTeamGetsNoWelcome()
    {
        var update = TeamsFixtures.Load("conversation-update-bot-added");
        update["membersAdded"] = new JArray(new JObject { ["id"] = "29:someone-new", ["aadObjectId"] = "1d2c3b4a-0000-0000-0000-000000000000" });
        Assert.Empty(await factory.SendAsync(update));
    }

    [Fact]
    public async Task AStaffMessageRecordsTheChannelForNotifications()
    {
        factory.Predict(("faq/cost", 0.95f));
        await factory.SendAsync(TeamsFixtures.Channel("how much does it cost"));
        var stored = await factory.Services.GetRequiredService<ITeamsConversationStore>().FindChannelAsync(TeamsFixtures.ChannelId, default);
        Assert.NotNull(stored);
        Assert.Equal("channel", stored.ConversationType);
        Assert.Equal(TeamsFixtures.TeamId, stored.TeamId);
    }

    [Fact]
    public async Task StaffCommandsAreOnlyCommandsInTeams()
    {
        factory.Predict(("out_of_scope", 0.9f));
        var reply = Assert.Single(await new BotClient(factory.CreateClient(), "webchat").SayAsync("bookings"));
        Assert.Null(reply.Attachments);
        Assert.DoesNotContain("Booking requests", reply.Text ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

}
