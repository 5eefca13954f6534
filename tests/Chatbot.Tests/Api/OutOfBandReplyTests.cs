using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Chatbot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Api;

/// <summary>
/// A normal (not expectReplies) message: the host answers 200 at once and posts its reply to the channel's
/// serviceUrl through the Connector API; a fake channel on 127.0.0.1 records it.
/// </summary>
public sealed class OutOfBandReplyTests(ScriptedClassifierFactory factory) : IClassFixture<ScriptedClassifierFactory>, IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? Authorization, JObject Body)> _received = new();
    private WebApplication? _channel;
    private string _serviceUrl = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _channel = builder.Build();
        _channel.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _received.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault(), JObject.Parse(await reader.ReadToEndAsync())));
            return Results.Json(new { id = "reply-1" });
        });
        await _channel.StartAsync();
        _serviceUrl = _channel.Urls.First() + "/";
    }

    public async Task DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheReplyGoesToTheServiceUrlWithEscapedIdsAndSwappedAccounts()
    {
        factory.Predict(("faq/infusion_duration", 0.95f));
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = "m|1",
            ["text"] = "how long is an infusion",
            ["channelId"] = "emulator",
            ["serviceUrl"] = _serviceUrl,
            ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Pat" },
            ["recipient"] = new JObject { ["id"] = "bot-1", ["name"] = "Clinic Assistant" },
            ["conversation"] = new JObject { ["id"] = "c1|livechat" },
        };
        using var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var (path, authorization, body) = Assert.Single(_received);
        Assert.Equal("/v3/conversations/c1%7Clivechat/activities/m%7C1", path);
        Assert.Null(authorization); // anonymous mode: no token on outbound calls
        Assert.Equal("bot-1", (string?)body["from"]?["id"]);
        Assert.Equal("user-1", (string?)body["recipient"]?["id"]);
        Assert.Equal("m|1", (string?)body["replyToId"]);
        Assert.Equal(factory.Catalog.Find("faq/infusion_duration")!.Answer, (string?)body["text"]);
    }
}
