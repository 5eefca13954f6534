using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>
/// Serves two OpenID metadata documents and their key sets on 127.0.0.1: <c>/botconnector/…</c> (Bot Connector keys
/// with endorsements) and <c>/entra/…</c>. Keys can be added while running (key rollover).
/// </summary>
public sealed class MetadataServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SigningKey>> _keys = new(StringComparer.Ordinal);
    private int _keySetRequests;

    private MetadataServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string BotConnectorMetadataUrl => $"{BaseUrl}/botconnector/openid";

    public string EntraMetadataUrl => $"{BaseUrl}/entra/openid";

    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public static async Task<MetadataServer> StartAsync()
    {
        var app = KestrelHost.CreateBuilder().Build();
        MetadataServer? server = null;
        app.MapGet("/{kind}/openid", (string kind) => server!.Document(kind));
        app.MapGet("/{kind}/keys", (string kind) => server!.KeySet(kind));
        var baseUrl = await KestrelHost.StartAsync(app);
        server = new MetadataServer(app, baseUrl);
        return server;
    }

    public void AddKey(string kind, SigningKey key) => _keys.GetOrAdd(kind, _ => new()).Enqueue(key);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Document(string kind) => Results.Text(
        new JObject
        {
            ["issuer"] = kind == "botconnector" ? "https://api.botframework.com" : "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = $"{BaseUrl}/{kind}/keys",
            ["id_token_signing_alg_values_supported"] = new JArray("RS256"),
        }.ToString(),
        "application/json");

    private IResult KeySet(string kind)
    {
        Interlocked.Increment(ref _keySetRequests);
        var keys = _keys.TryGetValue(kind, out var queue) ? queue.Select(k => k.ToJwk()) : [];
        return Results.Text(new JObject { ["keys"] = new JArray(keys) }.ToString(), "application/json");
    }
}
