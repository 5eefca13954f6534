using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.BotFramework.Tests.Authentication;

public sealed class BotCredentialsTokenProviderTests : IAsyncLifetime, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private FakeChannel _login = null!;

    public async Task InitializeAsync() => _login = await FakeChannel.StartAsync();

    private BotCredentialsTokenProvider Create(BotFrameworkAuthenticationOptions options)
    {
        options.LoginBaseUrl = _login.BaseUrl;
        options.ManagedIdentityEndpoint = _login.BaseUrl + "/msi/token";
        return new BotCredentialsTokenProvider(
            _services.GetRequiredService<IHttpClientFactory>(), Options.Create(options), _clock, NullLogger<BotCredentialsTokenProvider>.Instance);
    }

    [Fact]
    public async Task TokenIsCachedUntilFiveMinutesBeforeExpiry()
    {
        var provider = Create(new() { MicrosoftAppId = "app", MicrosoftAppPassword = "pw" });

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(54));
        var cached = await provider.GetTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var renewed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(("fake-token-1", "fake-token-1", "fake-token-2"), (first, cached, renewed));
        Assert.Equal(2, _login.TokenRequests);
    }

    [Fact]
    public async Task SingleTenantUsesTheTenantAuthority()
    {
        var provider = Create(new() { MicrosoftAppId = "app", MicrosoftAppPassword = "pw", MicrosoftAppType = MicrosoftAppType.SingleTenant, MicrosoftAppTenantId = "contoso.onmicrosoft.com" });

        await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("/contoso.onmicrosoft.com/oauth2/v2.0/token", Assert.Single(_login.Requests).RawTarget);
    }

    [Fact]
    public async Task ManagedIdentityAsksTheMetadataEndpoint()
    {
        var provider = Create(new() { MicrosoftAppId = "msi-client", MicrosoftAppType = MicrosoftAppType.UserAssignedMSI });

        var token = await provider.GetTokenAsync(CancellationToken.None);

        var request = Assert.Single(_login.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/msi/token?api-version=2018-02-01&resource=https%3A%2F%2Fapi.botframework.com&client_id=msi-client", request.RawTarget);
        Assert.Equal("fake-token-1", token);
    }

    [Fact]
    public async Task AnonymousModeHasNoToken()
    {
        var provider = Create(new());

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
        Assert.Empty(_login.Requests);
    }

    [Fact]
    public async Task RefusedTokenRequestNamesTheErrorCodeButNotTheSecret()
    {
        _login.FailNext("/oauth2/", (401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"""));
        var provider = Create(new() { MicrosoftAppId = "app", MicrosoftAppPassword = "wrong-secret" });

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Contains("invalid_client", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", exception.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, exception.StatusCode);
    }

    public async Task DisposeAsync() => await _login.DisposeAsync();

    public void Dispose() => _services.Dispose();
}
