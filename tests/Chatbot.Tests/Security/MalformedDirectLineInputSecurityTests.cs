using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Security;

/// <summary>
/// Issue 12, finding 5: malformed Direct Line tokens answered 500 with an Error-level stack trace (an unauthenticated
/// way to fill the logs), a poll with one answered an empty 200, and malformed uploads answered 500.
/// </summary>
public sealed class MalformedDirectLineInputSecurityTests(ScriptedClassifierFactory factory) : IClassFixture<ScriptedClassifierFactory>
{
    // {"alg":"HS256","typ":"JWT"}: our own header, so these get past the first check and into decoding.
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    public static TheoryData<string> MalformedTokens => new()
    {
        Header + ".eyJjb252IjoiYyJ9.not*base64url!",
        Header + ".eyJjb252IjoiYyJ9.====",
        Header + ".%%%%.abc",
        Header + ".eyJjb252IjoiYyJ9.",
        Header + "..",
        Header + ".e30.AAAA",
        Header + "." + new string('A', 5000) + ".x",
        "not-a-jwt",
        "a.b.c.d",
        "Bearer",
        "ÿÿÿ.ÿÿÿ.ÿÿÿ",
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task MalformedTokensAreRefusedOnEveryRouteWithoutAStackTrace(string token)
    {
        var client = factory.CreateClient();
        var routes = new (HttpMethod Method, string Path, HttpContent? Body)[]
        {
            (HttpMethod.Post, "/v3/directline/tokens/refresh", null),
            (HttpMethod.Post, "/v3/directline/conversations", Json("{}")),
            (HttpMethod.Get, "/v3/directline/conversations/c1", null),
            (HttpMethod.Post, "/v3/directline/conversations/c1/activities", Json("""{"type":"message","text":"hi","from":{"id":"u"}}""")),
            (HttpMethod.Get, "/v3/directline/conversations/c1/activities?watermark=", null),
            (HttpMethod.Post, "/v3/directline/conversations/c1/upload?userId=u", Multipart()),
            (HttpMethod.Post, "/v3/directline/tokens/generate", null),
        };
        var errorsBefore = ErrorLogs();
        foreach (var (method, path, body) in routes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest,
                $"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(errorsBefore, ErrorLogs());
    }

    [Fact]
    public async Task APollWithAForeignTokenIs403NotAnEmptySet()
    {
        var mine = await new DirectLineClient(factory.CreateClient()).StartAsync();
        var theirs = await new DirectLineClient(factory.CreateClient()).StartAsync();
        using var response = await mine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities?watermark=", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n")]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"activity\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n{\"type\":")]
    [InlineData("--b\r\n" + "X-Long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n")]
    [InlineData("no boundary at all")]
    [InlineData("--b\r\n\r\n\r\n--b--garbage")]
    public async Task MalformedUploadsAre400(string body)
    {
        var chat = await new DirectLineClient(factory.CreateClient()).StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var errorsBefore = ErrorLogs();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/upload?userId=u") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);
        using var response = await chat.Http.SendAsync(request);
        Assert.True((int)response.StatusCode is 400 or 200, $"{(int)response.StatusCode}");
        Assert.Equal(errorsBefore, ErrorLogs());
    }

    private int ErrorLogs() => factory.Logs.Count(l => l.Level >= LogLevel.Error);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Multipart()
    {
        var content = new MultipartFormDataContent("b");
        content.Add(new ByteArrayContent([1, 2, 3]), "file", "a.png");
        return content;
    }
}
