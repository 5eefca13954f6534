using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Tests.Security;

/// <summary>Issue 12: every configuration that is not safe to expose refuses to start, saying what to set.</summary>
public sealed class StartupRefusalTests
{
    public static TheoryData<string, Dictionary<string, string?>, string> UnsafeConfigurations => new()
    {
        { "Production", new() { ["BotFramework:AllowAnonymous"] = "true", ["Chatbot:ForwardedHeaders:KnownProxies:0"] = "10.0.0.4" }, "BotFramework:AllowAnonymous is true in the Production environment" },
        { "Staging", new() { ["BotFramework:AllowAnonymous"] = "true", ["Chatbot:ForwardedHeaders:KnownProxies:0"] = "10.0.0.4" }, "BotFramework:AllowAnonymous is true in the Staging environment" },
        { "Testing", new() { ["BotFramework:AllowAnonymous"] = "true", ["MicrosoftAppId"] = "0b0b0b0b-1111-2222-3333-444444444444", ["MicrosoftAppPassword"] = "x", ["MicrosoftAppType"] = "MultiTenant" }, "MicrosoftAppId is set" },
        { "Production", new(), "Chatbot:ForwardedHeaders:KnownProxies:0" },
        { "Production", new() { ["urls"] = "http://+:8080" }, "must be reached over HTTPS" },
        { "Testing", new() { ["Chatbot:ForwardedHeaders:KnownProxies:0"] = "proxy.local" }, "is not an IP address" },
        { "Testing", new() { ["Chatbot:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99" }, "is not a network in CIDR form" },
        { "Testing", new() { ["BotFramework:AllowedServiceUrlHosts:0"] = "https://evil.example/path" }, "AllowedServiceUrlHosts entry" },
        { "Testing", new() { ["Chatbot:Embed:AllowedOrigins:0"] = "*" }, "Chatbot:Embed:AllowedOrigins: '*' is not an origin" },
        { "Testing", new() { ["Chatbot:Embed:AllowedOrigins:0"] = "http://www.clinic.example" }, "Chatbot:Embed:AllowedOrigins: 'http://www.clinic.example' is not an origin" },
        { "Testing", new() { ["Chatbot:Embed:AllowedOrigins:0"] = "https://www.clinic.example/chat" }, "is not an origin like 'https://www.clinic.example'" },
        { "Production", new() { ["urls"] = "https://+:443", ["DirectLine:TokenSigningKey"] = null }, "DirectLine:TokenSigningKey is not set in the Production environment" },
        { "Staging", new() { ["urls"] = "https://+:443", ["DirectLine:TokenSigningKey"] = null }, "DirectLine:TokenSigningKey is not set in the Staging environment" },
        { "Testing", new() { ["DirectLine:TokenSigningKey"] = "a passphrase, not a base64 key of 32 bytes" }, "DirectLine:TokenSigningKey must be base64 of at least 32 random bytes" },
        { "Testing", new() { ["DirectLine:TokenSigningKey"] = "c2hvcnQta2V5LW9mLTI0LWJ5dGVzLTAwMDA=" }, "DirectLine:TokenSigningKey must be base64 of at least 32 random bytes" },
    };

    [Theory]
    [MemberData(nameof(UnsafeConfigurations))]
    public void TheBotRefusesToStart(string environment, Dictionary<string, string?> settings, string expected)
    {
        using var factory = new HostWith(environment, settings);
        var error = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<IHost>()).ToString();
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "https://+:443")]
    [InlineData("Production", "http://127.0.0.1:5080;https://+:443")]
    public async Task ProductionStartsWithHttpsAndNoAppId(string environment, string urls)
    {
        await using var factory = new HostWith(environment, new() { ["urls"] = urls });
        Assert.NotNull(factory.Services.GetRequiredService<IHost>());
        using var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.True(response.IsSuccessStatusCode);
    }

    private sealed class HostWith(string environment, Dictionary<string, string?> settings) : ScriptedClassifierFactory
    {
        protected override string EnvironmentName => environment;

        protected override IDictionary<string, string?> Settings => settings;
    }
}
