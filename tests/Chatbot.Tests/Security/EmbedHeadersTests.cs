using Chatbot.Tests.Infrastructure;

namespace Chatbot.Tests.Security;

/// <summary>
/// Issue 15: clinics' websites may frame the chat panel (/embed.html) when their origin is allowed; every other page
/// keeps <c>frame-ancestors 'none'</c>, and the loader script is served to any site.
/// </summary>
public sealed class EmbedHeadersTests(EmbedHeadersTests.Factory factory) : IClassFixture<EmbedHeadersTests.Factory>
{
    public sealed class Factory : ChatbotAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:Embed:AllowedOrigins:0"] = "https://WWW.Clinic.example:443/",
            ["Chatbot:Embed:AllowedOrigins:1"] = "http://127.0.0.1:8081",
        };
    }

    [Fact]
    public async Task TheEmbedPageMayBeFramedByTheAllowedOriginsOnly()
    {
        using var response = await factory.CreateClient().GetAsync("/embed.html");
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("frame-ancestors 'self' https://www.clinic.example http://127.0.0.1:8081", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/api/clinic")]
    public async Task EveryOtherPageStillRefusesToBeFramed(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLoaderScriptIsServedAsJavaScript()
    {
        using var response = await factory.CreateClient().GetAsync("/embed.js");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/embed.html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAllowedOriginsOnlyOurOwnPagesMayFrameThePanel()
    {
        await using var plain = new ChatbotAppFactory();
        using var response = await plain.CreateClient().GetAsync("/embed.html");
        Assert.EndsWith("frame-ancestors 'self'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
