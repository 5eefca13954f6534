using System.Net;
using Chatbot.Tests.Infrastructure;

namespace Chatbot.Tests.Teams;

/// <summary>A host with a staff group configured: only Dana (by object id) and the Front Desk team may use the commands.</summary>
public sealed class StaffGroupTests(StaffGroupTests.Factory factory) : IClassFixture<StaffGroupTests.Factory>
{
    [Fact]
    public async Task AListedUserMayUseTheCommands() =>
        Assert.NotNull(Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("bookings")))));

    [Fact]
    public async Task SomeoneElseInTheTenantIsRefusedTheCommandsButStillGetsStaffAnswers()
    {
        var elsewhere = TeamsFixtures.Channel("bookings");
        elsewhere["channelData"]!["team"]!["id"] = "19:another-team@thread.tacv2";
        elsewhere["channelData"]!["team"]!["aadGroupId"] = "00000000-0000-0000-0000-00000000abcd";
        var refused = Assert.Single(await factory.SendAsync(elsewhere));
        Assert.Contains("only available to the", refused.Text, StringComparison.Ordinal);
        Assert.Null(refused.Attachments);

        // `why …` from them is an ordinary question, and staff-only answers still reach them.
        factory.Predict(("staff/release_handoff", 0.95f));
        var why = TeamsFixtures.Channel("why does the bot stay quiet after a handoff");
        why["channelData"] = elsewhere["channelData"]!.DeepClone();
        Assert.Equal(factory.Catalog.Find("staff/release_handoff")!.Answer, (await factory.SendAsync(why))[0].Text);

        var invoke = TeamsFixtures.Load("adaptive-card-action");
        invoke["channelData"] = elsewhere["channelData"]!.DeepClone();
        var (status, body) = await factory.InvokeAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(403, (int)body!["statusCode"]!);
    }

    [Fact]
    public async Task AnyoneWritingInAListedTeamsChannelMayUseTheCommands() =>
        Assert.NotNull(Cards.Of(Assert.Single(await factory.SendAsync(TeamsFixtures.Channel("handoffs")))));

    public sealed class Factory : TeamsTestFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Chatbot:Teams:StaffUserObjectIds:0"] = TeamsFixtures.DanaAadObjectId,
            ["Chatbot:Teams:StaffTeamIds:0"] = "7d1c5b2a-0f3e-4c6d-9b8a-1e2f3a4b5c6d",
        };
    }
}
