using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Chatbot.Testing;

/// <summary>
/// A fake Bot Connector (Teams' side of the REST API) on 127.0.0.1: records every call, and answers with scripted
/// failures first, then success. <c>POST /v3/conversations</c> answers a new channel-thread id.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body)> _failures = new();

    private FakeConnector(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<(string Method, string Path, JObject Body)> Requests { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>When true, create-conversation answers include an <c>activityId</c> (the thread's first post was made).</summary>
    public bool CreatePostsActivity { get; set; }

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Map("/{**path}", (Delegate)connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First() + "/";
        return connector;
    }

    /// <summary>The next call(s) fail with this status and Connector error body.</summary>
    public void FailNext(int status, string code, string? subCode = null, int times = 1)
    {
        var error = new JObject { ["code"] = code, ["message"] = "scripted failure" };
        if (subCode is not null)
        {
            error["subCode"] = subCode;
        }

        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue((status, new JObject { ["error"] = error }.ToString()));
        }
    }

    public async Task<JObject> WaitForAsync(Func<(string Method, string Path, JObject Body), bool> match, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var found = Requests.FirstOrDefault(match);
            if (found.Body is not null)
            {
                return found.Body;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The fake Connector did not receive the expected call. Received: " + string.Join(", ", Requests.Select(r => r.Method + " " + r.Path)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        // The raw target, as sent: ids stay escaped (%3A, %40, %3B) the way the Connector client must send them.
        var path = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        Requests.Enqueue((context.Request.Method, path, text.Length == 0 ? new JObject() : JObject.Parse(text)));
        if (_failures.TryDequeue(out var failure))
        {
            return Results.Content(failure.Body, "application/json", statusCode: failure.Status);
        }

        if (path == "/v3/conversations" && context.Request.Method == HttpMethods.Post)
        {
            var thread = "19:staffchannel@thread.tacv2;messageid=" + Requests.Count;
            return Results.Json(CreatePostsActivity ? new { id = thread, activityId = "act-" + Requests.Count } : (object)new { id = thread });
        }

        return Results.Json(new { id = "reply-" + Requests.Count });
    }
}
