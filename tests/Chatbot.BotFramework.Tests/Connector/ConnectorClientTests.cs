using Chatbot.BotFramework.Connector;

namespace Chatbot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("http://localhost:3978", "http://localhost:3978/v3/conversations")]
    public void ServiceUrlIsJoinedWithExactlyOneSlash(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorClient.BuildUri(serviceUrl, "v3/conversations").AbsoluteUri);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.org/")]
    [InlineData("/relative")]
    public void NonHttpServiceUrlsAreRefused(string serviceUrl)
    {
        Assert.Throws<ArgumentException>(() => ConnectorClient.BuildUri(serviceUrl, "v3/conversations"));
    }

    [Fact]
    public void EscapedSegmentsStayEscaped()
    {
        var uri = ConnectorClient.BuildUri("https://x/", $"v3/conversations/{Uri.EscapeDataString("19:a@thread.skype;messageid=1")}/activities");

        Assert.Equal("/v3/conversations/19%3Aa%40thread.skype%3Bmessageid%3D1/activities", uri.PathAndQuery);
    }
}
