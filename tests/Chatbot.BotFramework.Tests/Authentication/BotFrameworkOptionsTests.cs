using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Integration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Tests.Authentication;

public sealed class BotFrameworkOptionsTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBotFramework();
        return builder.Build().Services;
    }

    [Fact]
    public void IdentityIsReadFromTheRootKeysAndTheRestFromTheBotFrameworkSection()
    {
        var options = Build(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "pw",
            ["MicrosoftAppType"] = "singletenant",
            ["MicrosoftAppTenantId"] = "tenant",
            ["BotFramework:OpenIdMetadataUrl"] = "https://metadata.example/openid",
            ["BotFramework:EntraTokenIssuers:0"] = "https://issuer.example/{tid}/",
            ["BotFramework:MaxRequestBodyBytes"] = "4096",
        }).GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;

        Assert.Equal(("app", "pw", MicrosoftAppType.SingleTenant, "tenant"), (options.MicrosoftAppId, options.MicrosoftAppPassword, options.MicrosoftAppType, options.MicrosoftAppTenantId));
        Assert.Equal("https://metadata.example/openid", options.OpenIdMetadataUrl);
        Assert.Equal(["https://issuer.example/{tid}/"], options.EntraTokenIssuers);
        Assert.True(options.RequireHttpsMetadata);
    }

    [Fact]
    public void DefaultsAreAnonymousMultiTenantWithTheBotFrameworkMetadata()
    {
        var services = Build([]);
        var options = services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;

        Assert.True(options.IsAnonymous);
        Assert.Equal(MicrosoftAppType.MultiTenant, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal(256 * 1024, services.GetRequiredService<IOptions<BotFrameworkAdapterOptions>>().Value.MaxRequestBodyBytes);
        Assert.NotNull(services.GetRequiredService<CloudAdapter>());
    }

    [Theory]
    [InlineData("app", null, null, null, "MicrosoftAppPassword is required")]
    [InlineData("app", "pw", "SingleTenant", null, "MicrosoftAppTenantId is required")]
    [InlineData("app", "pw", "Sometimes", null, "is not one of")]
    [InlineData(null, "pw", null, null, "MicrosoftAppId is empty")]
    public void InvalidCombinationsFailValidation(string? appId, string? password, string? type, string? tenant, string expected)
    {
        var services = Build(new()
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppTenantId"] = tenant,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);
        Assert.Contains(exception.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void PlainHttpMetadataNeedsRequireHttpsMetadataOff()
    {
        var services = Build(new() { ["BotFramework:OpenIdMetadataUrl"] = "http://127.0.0.1:1/openid" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);
    }
}
