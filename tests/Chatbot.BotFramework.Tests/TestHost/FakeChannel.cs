using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>
/// A channel's Connector endpoint and an Entra token endpoint on 127.0.0.1: records every request with its raw
/// target, answers <c>{"id":…}</c>, and can be told to fail requests whose path contains a marker.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, Queue<(int Status, string Body)>> _failures = new(StringComparer.Ordinal);
    private int _tokenCount;
    private int _idCount;

    private FakeChannel(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int TokenRequests => Volatile.Read(ref _tokenCount);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> TokenRequestsLog => [.. _requests.Where(r => r.RawTarget.Contains("/oauth2/", StringComparison.Ordinal))];

    public static async Task<FakeChannel> StartAsync()
    {
        var app = KestrelHost.CreateBuilder().Build();
        FakeChannel? channel = null;
        app.Run(context => channel!.HandleAsync(context));
        var baseUrl = await KestrelHost.StartAsync(app);
        channel = new FakeChannel(app, baseUrl);
        return channel;
    }

    /// <summary>The requests whose raw target contains <paramref name="marker"/> (e.g. an escaped conversation id).</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string marker) =>
        [.. _requests.Where(r => r.RawTarget.Contains(marker, StringComparison.Ordinal))];

    /// <summary>Answers the next requests whose raw target contains <paramref name="marker"/> with the given statuses.</summary>
    public void FailNext(string marker, params (int Status, string Body)[] failures) =>
        _failures[marker] = new Queue<(int, string)>(failures);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method, rawTarget, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.ContentType, body));

        foreach (var (marker, queue) in _failures)
        {
            (int Status, string Body) failure;
            lock (queue)
            {
                if (!rawTarget.Contains(marker, StringComparison.Ordinal) || !queue.TryDequeue(out failure))
                {
                    continue;
                }
            }

            context.Response.StatusCode = failure.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(failure.Body);
            return;
        }

        context.Response.ContentType = "application/json";
        if (rawTarget.Contains("/oauth2/v2.0/token", StringComparison.Ordinal) || rawTarget.Contains("/msi/token", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _tokenCount);
            var expiresIn = rawTarget.Contains("/msi/", StringComparison.Ordinal) ? "\"3600\"" : "3600";
            await context.Response.WriteAsync($$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"access_token":"fake-token-{{n}}"}""");
            return;
        }

        var id = Interlocked.Increment(ref _idCount);
        if (context.Request.Method == HttpMethods.Post && rawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync($$"""{"id":"a:new-{{id}}","activityId":"first-{{id}}"}""");
            return;
        }

        await context.Response.WriteAsync($$"""{"id":"reply-{{id}}"}""");
    }
}
