using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.Tests.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.BotFramework.Tests.Authentication;

public sealed class ChannelAuthenticatorTests(MetadataFixture fixture) : IClassFixture<MetadataFixture>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static Activity Activity(string channelId = Channels.Msteams, string? serviceUrl = ServiceUrl) =>
        new() { Type = ActivityTypes.Message, ChannelId = channelId, ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = "c" } };

    private static string Bearer(string token) => "Bearer " + token;

    [Fact]
    public async Task ValidBotConnectorTokenIsAccepted()
    {
        var token = Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl);

        var result = await fixture.CreateAuthenticator().AuthenticateRequestAsync(Activity(serviceUrl: "HTTPS://SMBA.trafficmanager.net/amer/"), Bearer(token), CancellationToken.None);

        Assert.Equal(CallerIdConstants.PublicAzureChannel, result.CallerId);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.False(result.IsAnonymous);
    }

    [Fact]
    public async Task WrongAudienceIsRejected() =>
        await AssertRejectedAsync(Bearer(Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl, audience: "another-app")), "audience");

    [Fact]
    public async Task WrongIssuerIsRejected() =>
        await AssertRejectedAsync(Bearer(Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl, issuer: "https://api.botframework.com.evil.example")), "issuer");

    [Fact]
    public async Task ExpiredBeyondTheFiveMinuteSkewIsRejected() =>
        await AssertRejectedAsync(Bearer(Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6))), "expired");

    [Fact]
    public async Task ExpiredWithinTheSkewIsAccepted()
    {
        var token = Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-4));

        var result = await fixture.CreateAuthenticator().AuthenticateRequestAsync(Activity(), Bearer(token), CancellationToken.None);

        Assert.Equal(CallerIdConstants.PublicAzureChannel, result.CallerId);
    }

    [Fact]
    public async Task LifetimeIsCheckedAgainstTheInjectedClock()
    {
        var token = Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl, expires: DateTime.UtcNow.AddHours(1));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1).AddMinutes(4));
        var authenticator = fixture.CreateAuthenticator(timeProvider: clock);

        await authenticator.AuthenticateRequestAsync(Activity(), Bearer(token), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));

        var exception = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => authenticator.AuthenticateRequestAsync(Activity(), Bearer(token), CancellationToken.None));
        Assert.Contains("expired", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hs256IsRejected() => await AssertRejectedAsync(Bearer(Tokens.Hs256(ServiceUrl)), "algorithm");

    [Fact]
    public async Task UnknownKeyIdRefreshesTheMetadataOnceAndIsAccepted()
    {
        var authenticator = fixture.CreateAuthenticator();
        await authenticator.AuthenticateRequestAsync(Activity(), Bearer(Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl)), CancellationToken.None);
        var rolledKey = fixture.PublishNewBotConnectorKey();
        var before = fixture.Server.KeySetRequests;

        var result = await authenticator.AuthenticateRequestAsync(Activity(), Bearer(Tokens.BotConnector(rolledKey, ServiceUrl)), CancellationToken.None);

        Assert.Equal(CallerIdConstants.PublicAzureChannel, result.CallerId);
        Assert.True(fixture.Server.KeySetRequests > before);
    }

    [Fact]
    public async Task KeyIdUnknownEvenAfterRefreshIsRejected()
    {
        using var strayKey = new SigningKey("never-published", "msteams");

        await AssertRejectedAsync(Bearer(Tokens.BotConnector(strayKey, ServiceUrl)), "signing key");
    }

    [Fact]
    public async Task EndorsementWithoutTheActivitysChannelIsRejected() =>
        await AssertRejectedAsync(Bearer(Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl)), "endorsed", Activity(channelId: "slack"));

    [Fact]
    public async Task KeyWithoutEndorsementsIsRejected() =>
        await AssertRejectedAsync(Bearer(Tokens.BotConnector(fixture.UnendorsedKey, ServiceUrl)), "endorsements");

    [Fact]
    public async Task ServiceUrlClaimMismatchIsRejected() =>
        await AssertRejectedAsync(Bearer(Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl)), "serviceurl", Activity(serviceUrl: "https://attacker.example/"));

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EmulatorTokensAreAcceptedByVersion(string version)
    {
        var token = Tokens.Entra(fixture.EntraKey, version);

        var result = await fixture.CreateAuthenticator().AuthenticateRequestAsync(Activity(Channels.Emulator, "http://localhost:5000"), Bearer(token), CancellationToken.None);

        Assert.Equal(CallerIdConstants.BotToBotPrefix + Tokens.AppId, result.CallerId);
    }

    [Fact]
    public async Task EntraTokenFromTheBotsOwnTenantIsAccepted()
    {
        var token = Tokens.Entra(fixture.EntraKey, "2.0", tenant: "0c3c6a4e-1111-4222-8333-944444444444");

        var result = await fixture.CreateAuthenticator().AuthenticateRequestAsync(Activity(Channels.Emulator), Bearer(token), CancellationToken.None);

        Assert.Equal(CallerIdConstants.BotToBotPrefix + Tokens.AppId, result.CallerId);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EmulatorTokenForAnotherAppIsRejected(string version) =>
        await AssertRejectedAsync(Bearer(Tokens.Entra(fixture.EntraKey, version, appId: "someone-else")), "app id");

    [Fact]
    public async Task EntraIssuerOutsideTheListIsRejected() =>
        await AssertRejectedAsync(Bearer(Tokens.Entra(fixture.EntraKey, "2.0", issuer: "https://login.example.org/tenant/v2.0")), "issuer");

    [Fact]
    public async Task AnonymousModeAcceptsARequestWithoutHeader()
    {
        // Anonymous mode replies only to this machine (issue 12: any serviceUrl made the bot an open proxy).
        var result = await fixture.CreateAuthenticator(appId: null).AuthenticateRequestAsync(Activity(serviceUrl: "http://localhost:3978/"), null, CancellationToken.None);

        Assert.True(result.IsAnonymous);
        Assert.Null(result.CallerId);
    }

    [Fact]
    public async Task AnonymousModeRejectsAPresentedToken()
    {
        var authenticator = fixture.CreateAuthenticator(appId: null);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            authenticator.AuthenticateRequestAsync(Activity(), Bearer(Tokens.BotConnector(fixture.BotConnectorKey, ServiceUrl)), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("bearer abc")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    public async Task MissingOrMalformedHeaderIsRejectedWhenAnAppIdIsSet(string? header) =>
        await AssertRejectedAsync(header, expectedReason: null);

    private async Task AssertRejectedAsync(string? header, string? expectedReason, Activity? activity = null)
    {
        var exception = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            fixture.CreateAuthenticator().AuthenticateRequestAsync(activity ?? Activity(), header, CancellationToken.None));
        if (expectedReason is not null)
        {
            Assert.Contains(expectedReason, exception.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}
