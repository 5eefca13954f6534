using System.Text;
using Chatbot.BotFramework.Integration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Tests.Integration;

public sealed class ActivityReaderTests
{
    private static readonly ActivityReader Reader = new(Options.Create(new BotFrameworkAdapterOptions { MaxRequestBodyBytes = 2048 }));

    private static HttpRequest Request(byte[] body, string? contentType = "application/json", bool sendLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = sendLength ? body.Length : null;
        return context.Request;
    }

    private static HttpRequest Request(string body, string? contentType = "application/json") => Request(Encoding.UTF8.GetBytes(body), contentType);

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task ReadsAnActivity(string contentType)
    {
        var activity = await Reader.ReadAsync(Request("""{"type":"message","text":"hi"}""", contentType), CancellationToken.None);

        Assert.Equal(("message", "hi"), (activity.Type, activity.Text));
    }

    [Fact]
    public async Task AcceptsAUtf8ByteOrderMark()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"type":"message"}""")).ToArray();

        var activity = await Reader.ReadAsync(Request(body), CancellationToken.None);

        Assert.Equal("message", activity.Type);
    }

    [Theory]
    [InlineData("{\"type\":\"message\"")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\":\"message\"} trailing")]
    [InlineData("{\"type\":\"message\"}{\"type\":\"message\"}")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\",\"membersAdded\":\"not a list\"}")]
    public async Task RejectsWith400(string body)
    {
        var exception = await Assert.ThrowsAsync<InvalidActivityException>(() => Reader.ReadAsync(Request(body), CancellationToken.None));

        Assert.Equal((400, "BadArgument"), (exception.StatusCode, exception.Code));
    }

    [Fact]
    public async Task RejectsInvalidUtf8With400()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"message","text":"x"}""");
        body[^3] = 0xFF;

        var exception = await Assert.ThrowsAsync<InvalidActivityException>(() => Reader.ReadAsync(Request(body), CancellationToken.None));

        Assert.Equal(400, exception.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task RejectsOtherContentTypesWith415(string? contentType)
    {
        var exception = await Assert.ThrowsAsync<InvalidActivityException>(() => Reader.ReadAsync(Request("""{"type":"message"}""", contentType), CancellationToken.None));

        Assert.Equal(415, exception.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RejectsBodiesOverTheLimitWith413WhetherOrNotContentLengthIsSent(bool sendLength)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"type":"message","text":"{{new string('x', 4096)}}"}""");

        var exception = await Assert.ThrowsAsync<InvalidActivityException>(() => Reader.ReadAsync(Request(body, sendLength: sendLength), CancellationToken.None));

        Assert.Equal(413, exception.StatusCode);
    }

    [Fact]
    public async Task DoesNotTrustAnUnderstatedContentLength()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"type":"message","text":"{{new string('x', 4096)}}"}""");
        var request = Request(body);
        request.ContentLength = 10;

        var exception = await Assert.ThrowsAsync<InvalidActivityException>(() => Reader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(413, exception.StatusCode);
    }
}
