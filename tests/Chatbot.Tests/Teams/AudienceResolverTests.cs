using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Schema;
using Chatbot.Patients;
using Chatbot.Staff.Teams;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using System.Collections.Concurrent;

namespace Chatbot.Tests.Teams;

/// <summary>The tenant policy and the staff group, at unit level (including the production "app id configured" path).</summary>
public sealed class AudienceResolverTests
{
    private const string AppId = "00000000-aaaa-bbbb-cccc-000000000001";

    private static AudienceResolver Resolver(string? appId, string[]? tenants = null, string[]? users = null, string[]? teams = null) => new(
        Options.Create(new TeamsOptions { AllowedTenantIds = tenants ?? [], StaffUserObjectIds = users ?? [], StaffTeamIds = teams ?? [] }),
        Options.Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = appId }));

    // callerId urn:botframework:azure is what the adapter stamps after validating a Bot Connector token.
    private static Activity Teams(string? tenant, string? aad = null, string? team = null, string channel = "msteams", string? callerId = CallerIdConstants.PublicAzureChannel)
    {
        var channelData = new JObject();
        if (tenant is not null)
        {
            channelData["tenant"] = new JObject { ["id"] = tenant };
        }

        if (team is not null)
        {
            channelData["team"] = new JObject { ["id"] = team };
            channelData["channel"] = new JObject { ["id"] = "19:channel@thread.tacv2" };
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = channel,
            CallerId = callerId,
            From = new ChannelAccount { Id = "29:x", AadObjectId = aad },
            Conversation = new ConversationAccount { Id = "a:1" },
            ChannelData = channelData,
        };
    }

    [Fact]
    public void WithAnAppIdOnlyListedTenantsAreStaff()
    {
        var resolver = Resolver(AppId, [TeamsFixtures.ClinicTenant]);
        Assert.True(resolver.IsStaff(Teams(TeamsFixtures.ClinicTenant)));
        Assert.False(resolver.IsAllowedTenant(Teams(TeamsFixtures.OtherTenant)));
        Assert.False(resolver.IsAllowedTenant(Teams(tenant: null)));
    }

    [Fact]
    public void WithAnAppIdAndNoListEveryTenantIsRefused()
    {
        var resolver = Resolver(AppId);
        Assert.False(resolver.IsAllowedTenant(Teams(TeamsFixtures.ClinicTenant)));
        Assert.False(resolver.IsStaff(Teams(TeamsFixtures.ClinicTenant)));
    }

    // Changed with issue 12: "any tenant in anonymous mode" let anyone claiming channelId msteams be staff.
    [Fact]
    public void WithoutAListNoTenantIsAcceptedEvenWithoutAnAppId()
    {
        var resolver = Resolver(appId: null);
        Assert.False(resolver.IsAllowedTenant(Teams(TeamsFixtures.OtherTenant)));
        Assert.False(resolver.IsAllowedTenant(Teams(tenant: null)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("urn:botframework:aadappid:00000000-aaaa-bbbb-cccc-000000000001")]
    public void AClaimedTeamsChannelWithoutABotConnectorTokenIsNeverStaff(string? callerId)
    {
        var resolver = Resolver(AppId, [TeamsFixtures.ClinicTenant]);
        Assert.False(resolver.IsStaff(Teams(TeamsFixtures.ClinicTenant, callerId: callerId)));
        Assert.False(resolver.MayUseStaffCommands(Teams(TeamsFixtures.ClinicTenant, callerId: callerId)));
    }

    [Fact]
    public void InAnonymousModeAListStillRefusesOtherTenants()
    {
        var resolver = Resolver(appId: null, [TeamsFixtures.ClinicTenant]);
        Assert.False(resolver.IsAllowedTenant(Teams(TeamsFixtures.OtherTenant)));
        Assert.True(resolver.IsAllowedTenant(Teams(TeamsFixtures.ClinicTenant.ToUpperInvariant())));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public void EveryOtherChannelIsPublic(string channel) =>
        Assert.False(Resolver(null).IsStaff(Teams(TeamsFixtures.ClinicTenant, channel: channel)));

    [Fact]
    public void WithoutAStaffGroupEveryoneInAnAllowedTenantMayUseCommands() =>
        Assert.True(Resolver(AppId, [TeamsFixtures.ClinicTenant]).MayUseStaffCommands(Teams(TeamsFixtures.ClinicTenant, aad: "anyone")));

    [Fact]
    public void AStaffGroupLimitsCommandsToListedUsersAndTeams()
    {
        var resolver = Resolver(AppId, [TeamsFixtures.ClinicTenant], users: [TeamsFixtures.DanaAadObjectId], teams: [TeamsFixtures.TeamId]);
        Assert.True(resolver.MayUseStaffCommands(Teams(TeamsFixtures.ClinicTenant, aad: TeamsFixtures.DanaAadObjectId)));
        Assert.True(resolver.MayUseStaffCommands(Teams(TeamsFixtures.ClinicTenant, aad: "someone-else", team: TeamsFixtures.TeamId)));
        Assert.False(resolver.MayUseStaffCommands(Teams(TeamsFixtures.ClinicTenant, aad: "someone-else")));
        Assert.False(resolver.MayUseStaffCommands(Teams(TeamsFixtures.ClinicTenant, aad: "someone-else", team: "19:other@thread.tacv2")));
        Assert.False(resolver.MayUseStaffCommands(Teams(TeamsFixtures.OtherTenant, aad: TeamsFixtures.DanaAadObjectId)));

        // Staff answers are for the whole tenant; only the commands are limited.
        Assert.True(resolver.IsStaff(Teams(TeamsFixtures.ClinicTenant, aad: "someone-else")));
    }

    [Fact]
    public void AnAppIdWithoutAnyTenantLogsAClearWarningAtStartUp()
    {
        var logs = new ConcurrentQueue<(LogLevel, string, string)>();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new RecordingLoggerProvider(logs)));
        var check = new TeamsConfigurationCheck(
            Options.Create(new TeamsOptions()),
            Options.Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = AppId }),
            factory.CreateLogger<TeamsConfigurationCheck>());
        Assert.True(check.Check());
        var (level, _, message) = Assert.Single(logs);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("EVERY Microsoft Teams tenant is refused", message, StringComparison.Ordinal);
        Assert.Contains("Chatbot__Teams__AllowedTenantIds__0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfiguredTenantListIsNotAWarning()
    {
        var logs = new ConcurrentQueue<(LogLevel, string, string)>();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new RecordingLoggerProvider(logs)));
        var check = new TeamsConfigurationCheck(
            Options.Create(new TeamsOptions { AllowedTenantIds = [TeamsFixtures.ClinicTenant] }),
            Options.Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = AppId }),
            factory.CreateLogger<TeamsConfigurationCheck>());
        Assert.False(check.Check());
        Assert.DoesNotContain(logs, l => l.Item1 >= LogLevel.Warning);
    }
}
