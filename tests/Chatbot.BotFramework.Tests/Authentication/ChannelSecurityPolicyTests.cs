using Chatbot.BotFramework.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Tests.Authentication;

/// <summary>Issue 12, finding 1 at the protocol layer: where replies may go, and when anonymous mode is allowed at all.</summary>
public sealed class ChannelSecurityPolicyTests
{
    private static ServiceUrlPolicy Policy(string? appId, params string[] hosts) =>
        new(Options.Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = appId, AllowedServiceUrlHosts = hosts }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://webchat.botframework.com/", true)]
    [InlineData("https://europe.directline.botframework.com/", true)]
    [InlineData("https://emea.smba.trafficmanager.net/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://botframework.com.attacker.example/", false)]
    [InlineData("https://attackerbotframework.com/", false)]
    [InlineData("https://user:pw@smba.trafficmanager.net/", false)]
    [InlineData("https://127.0.0.1/", false)]
    [InlineData("http://localhost:3978/", false)]
    [InlineData("not a url", false)]
    [InlineData("ftp://webchat.botframework.com/", false)]
    public void WithAnAppIdOnlyBotFrameworkHostsOverHttpsAreAllowed(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, Policy("app").IsAllowed(serviceUrl));

    [Theory]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://127.0.0.1:9/", true)]
    [InlineData("http://[::1]:9/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://localhost.attacker.example/", false)]
    [InlineData("http://169.254.169.254/metadata/", false)]
    [InlineData("http://10.0.0.5/", false)]
    public void AnonymousModeRepliesOnlyToThisMachine(string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, Policy(appId: null).IsAllowed(serviceUrl));

    [Fact]
    public void ALoopbackHostMustBeListedExplicitlyWithAnAppId()
    {
        Assert.True(Policy("app", "127.0.0.1").IsAllowed("http://127.0.0.1:5000/"));
        Assert.False(Policy("app", "127.0.0.1").IsAllowed("https://smba.trafficmanager.net/amer/"));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void AnonymousModeOutsideALocalEnvironmentFailsAtStart(string environment)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["BotFramework:AllowAnonymous"] = "true" });
        builder.AddBotFramework();
        var services = builder.Build().Services;

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);
        Assert.Contains($"BotFramework:AllowAnonymous is true in the {environment} environment", error.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    [InlineData("Production", false)]
    public void WithoutAnAppIdRequestsAreAcceptedOnlyWhenAnonymousModeIsAskedForLocally(string environment, bool allowAnonymous)
    {
        var options = new BotFrameworkAuthenticationOptions { AllowAnonymous = allowAnonymous, EnvironmentName = environment };
        Assert.Equal(allowAnonymous, options.AcceptsAnonymousRequests);
        Assert.False(new BotFrameworkAuthenticationOptions { EnvironmentName = "Development" }.AcceptsAnonymousRequests);
    }
}
