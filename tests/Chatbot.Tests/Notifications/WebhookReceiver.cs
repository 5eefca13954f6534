using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Notifications;

/// <summary>One request the receiver got: its headers and raw body.</summary>
internal sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, string ContentType);

/// <summary>A real HTTP listener (Kestrel on 127.0.0.1, a free port) that records webhook calls and answers scripted statuses.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<int> statuses, Uri url)
    {
        _app = app;
        _statuses = statuses;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Starts a receiver that answers <paramref name="statuses"/> in turn, then 200.</summary>
    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var queue = new ConcurrentQueue<int>(statuses);
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/clinic", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver!.Received.Enqueue(new ReceivedWebhook(headers, body.ToArray(), http.Request.ContentType ?? string.Empty));
            http.Response.StatusCode = queue.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, queue, new Uri(new Uri(address), "/hooks/clinic"));
        return receiver;
    }

    /// <summary>A URL on a port nobody listens on (a receiver that was started and stopped).</summary>
    public static async Task<Uri> DownUrlAsync()
    {
        var receiver = await StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();
        return url;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
