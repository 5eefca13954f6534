using System.Security.Cryptography;
using Chatbot.BotFramework.DirectLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Tests.DirectLine;

/// <summary>The token signing key: base64 of 32+ bytes, shared by instances, random only in local environments.</summary>
public sealed class DirectLineSigningKeyTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void ATokenIssuedWithAKeyIsAcceptedByEveryServiceWithThatKey()
    {
        var token = Service(Key).Issue("conversation-1", "dl_user");
        Assert.Equal("conversation-1", Service(Key).Validate(token)?.ConversationId);
        Assert.Null(Service(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Validate(token));

        // Without a key each service (each process) makes its own: the other instance refuses the token.
        Assert.Null(Service(null).Validate(Service(null).Issue("conversation-1", null)));
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    [InlineData("Staging", false)]
    [InlineData("Production", false)]
    public void AMissingKeyIsAllowedInLocalEnvironmentsOnly(string environment, bool allowed)
    {
        var result = Validate(environment, new DirectLineOptions());
        Assert.Equal(allowed, result.Succeeded);
        if (!allowed)
        {
            Assert.Contains("openssl rand -base64 32", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQta2V5LW9mLTI0LWJ5dGVzLTAwMDA=")]
    public void AKeyThatIsNotBase64Of32BytesIsRefused(string key)
    {
        var result = Validate(Environments.Production, new DirectLineOptions { TokenSigningKey = key });
        Assert.False(result.Succeeded);
        Assert.Contains("must be base64 of at least 32 random bytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AGoodKeyPassesInProduction() =>
        Assert.True(Validate(Environments.Production, new DirectLineOptions { TokenSigningKey = Key }).Succeeded);

    private static ValidateOptionsResult Validate(string environment, DirectLineOptions options) =>
        new DirectLineOptionsValidator(new HostingEnvironment { EnvironmentName = environment }).Validate(null, options);

    private static DirectLineTokenService Service(string? key) =>
        new(Options.Create(new DirectLineOptions { TokenSigningKey = key }), TimeProvider.System, NullLogger<DirectLineTokenService>.Instance);
}
