namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class DirectLineCorsTests
{
    [Fact]
    public async Task APreflightFromAnAllowedOriginIsAnsweredWithDirectLineHeaders()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = "https://clinic.example" });
        using var response = await PreflightAsync(host, "https://clinic.example");

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal("https://clinic.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.Contains("authorization", allowed, StringComparison.Ordinal);
        Assert.Contains("content-type", allowed, StringComparison.Ordinal);
        Assert.Contains("x-ms-bot-agent", allowed, StringComparison.Ordinal);
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherOriginsGetNoCorsPermissionByDefault()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        using var response = await PreflightAsync(host, "https://evil.example");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        var (conversationId, token) = await host.StartConversationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark=");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Origin", "https://evil.example");
        using var poll = await host.Client.SendAsync(request);
        Assert.False(poll.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnAllowedOriginCanReadResponses()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = "https://clinic.example/" });
        var (conversationId, token) = await host.StartConversationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark=");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Origin", "https://clinic.example");
        using var poll = await host.Client.SendAsync(request);
        Assert.Equal("https://clinic.example", poll.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    private static async Task<HttpResponseMessage> PreflightAsync(DirectLineTestHost host, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "conversations/abc/activities");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return await host.Client.SendAsync(request);
    }
}
