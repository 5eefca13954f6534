using Chatbot.BotFramework.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Tests.DirectLine;

/// <summary>Issue 12, finding 5: a token whose parts are not base64url threw (500 on six routes); now it is simply invalid.</summary>
public sealed class DirectLineMalformedTokenTests
{
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    private static DirectLineTokenService Service() => new(
        Options.Create(new DirectLineOptions { TokenSigningKey = new string('k', 44) }), TimeProvider.System, NullLogger<DirectLineTokenService>.Instance);

    [Theory]
    [InlineData(Header + ".eyJjb252IjoiYyJ9.not*base64url!")]
    [InlineData(Header + ".eyJjb252IjoiYyJ9.====")]
    [InlineData(Header + ".eyJjb252IjoiYyJ9.a b")]
    [InlineData(Header + ".%%%.abc")]
    [InlineData(Header + "..")]
    [InlineData(Header + ".e30.")]
    [InlineData(Header + ".eyJjb252IjoiYyJ9.ÿÿÿÿ")]
    public void AMalformedTokenIsInvalidNotAnException(string token) => Assert.Null(Service().Validate(token));

    [Fact]
    public void AValidTokenStillValidates()
    {
        var service = Service();
        Assert.Equal("conv-1", service.Validate(service.Issue("conv-1", "dl_user"))?.ConversationId);
    }
}
