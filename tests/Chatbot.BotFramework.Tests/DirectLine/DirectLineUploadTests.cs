using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class DirectLineUploadTests
{
    [Fact]
    public async Task AnUploadReachesTheBotAsNamesAndTypesOnly()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        using var content = Multipart(
            """
            {"type":"message","from":{"id":"dl_x"},"channelData":{"clientActivityID":"up-1","attachmentSizes":[5,3]},
             "attachments":[{"name":"labs.pdf","contentType":"application/pdf","thumbnailUrl":"data:image/png;base64,AAAA"},
                            {"name":"photo.png","contentType":"image/png"}]}
            """,
            ("labs.pdf", "application/pdf", "%PDF-"), ("photo.png", "image/png", "PNG"));

        var (status, body) = await SendAsync(host, conversationId, token, content);

        Assert.Equal(200, status);
        Assert.Equal(conversationId + "|0000002", (string)body!["id"]!);
        var turn = host.Bot.Received.Last();
        Assert.Equal([("labs.pdf", "application/pdf"), ("photo.png", "image/png")], turn.Attachments!.Select(a => (a.Name, a.ContentType)));
        Assert.All(turn.Attachments!, a => Assert.True(a.Content is null && a.ContentUrl is null && a.ThumbnailUrl is null));

        var (_, set) = await host.PollAsync(conversationId, token, "1");
        var activities = (JArray)set!["activities"]!;
        Assert.Equal("up-1", (string)activities[0]["channelData"]!["clientActivityID"]!);
        Assert.DoesNotContain("base64", activities.ToString(), StringComparison.Ordinal);
        Assert.Equal("I can't open files: labs.pdf (application/pdf), photo.png (image/png)", (string)activities[1]["text"]!);
    }

    [Fact]
    public async Task FilePartsDescribeTheAttachmentsWhenTheActivityListsNone()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        using var content = Multipart("""{"type":"message","from":{"id":"dl_x"}}""", ("scan.jpg", "image/jpeg", "JPEG"));

        Assert.Equal(200, (await SendAsync(host, conversationId, token, content)).Status);
        var attachment = Assert.Single(host.Bot.Received.Last().Attachments!);
        Assert.Equal(("scan.jpg", "image/jpeg"), (attachment.Name, attachment.ContentType));
    }

    [Fact]
    public async Task AnOversizedUploadIs413()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:MaxUploadBytes"] = "4096" });
        var (conversationId, token) = await host.StartConversationAsync();
        using var content = Multipart("""{"type":"message","from":{"id":"dl_x"}}""", ("big.bin", "application/octet-stream", new string('x', 10_000)));

        var (status, body) = await SendAsync(host, conversationId, token, content);

        Assert.Equal(413, status);
        Assert.Equal("PayloadTooLarge", (string)body!["error"]!["code"]!);
        Assert.Single(host.Bot.Received);
    }

    [Fact]
    public async Task AnUploadToAForeignConversationIs403AndANonMultipartBodyIs400()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var (_, otherToken) = await host.StartConversationAsync();
        using var content = Multipart("""{"type":"message","from":{"id":"dl_x"}}""", ("a.txt", "text/plain", "a"));
        Assert.Equal(403, (await SendAsync(host, conversationId, otherToken, content)).Status);
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Equal(400, (await SendAsync(host, conversationId, token, json)).Status);
    }

    private static MultipartFormDataContent Multipart(string activity, params (string Name, string Type, string Body)[] files)
    {
        var content = new MultipartFormDataContent();
        var activityPart = new StringContent(activity, Encoding.UTF8);
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        content.Add(activityPart, "activity", "blob");
        foreach (var (name, type, body) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(part, "file", name);
        }

        return content;
    }

    private static async Task<(int Status, JObject? Body)> SendAsync(DirectLineTestHost host, string conversationId, string token, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"conversations/{conversationId}/upload?userId=dl_x") { Content = content };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : DirectLineTestHost.Parse(text));
    }
}
