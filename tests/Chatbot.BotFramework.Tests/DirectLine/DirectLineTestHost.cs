using System.Net.Http.Headers;
using Chatbot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.DirectLine;

/// <summary>A real Kestrel host on 127.0.0.1:0 with the Direct Line server, a fake bot and a hand-moved clock.</summary>
public sealed class DirectLineTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DirectLineTestHost(WebApplication app, HttpClient client, ManualTimeProvider clock, FakeDirectLineBot bot)
    {
        _app = app;
        Client = client;
        Clock = clock;
        Bot = bot;
    }

    public HttpClient Client { get; }

    public ManualTimeProvider Clock { get; }

    public FakeDirectLineBot Bot { get; }

    public IServiceProvider Services => _app.Services;

    public const string Secret = "test-secret-0123456789-0123456789-abcdef";

    public static async Task<DirectLineTestHost> StartAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:TokenSigningKey"] = "c2lnbmluZy1rZXktMDEyMzQ1Njc4OS0wMTIzNDU2Nzg5LWFiY2RlZg==",
            ["DirectLine:BotId"] = "clinic-bot",
            ["DirectLine:BotName"] = "Clinic assistant",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var clock = new ManualTimeProvider();
        var bot = new FakeDirectLineBot();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IDirectLineBot>(bot);
        configureServices?.Invoke(builder.Services);
        builder.AddDirectLine();

        var app = builder.Build();
        app.MapDirectLine();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address + "/v3/directline/"), Timeout = TimeSpan.FromSeconds(30) };
        return new DirectLineTestHost(app, client, clock, bot);
    }

    /// <summary>Gets a token the way the bundled page does (same-origin fetch).</summary>
    public async Task<(string ConversationId, string Token)> GenerateTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "tokens/generate");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        var body = Parse(await response.Content.ReadAsStringAsync());
        return ((string)body["conversationId"]!, (string)body["token"]!);
    }

    /// <summary>Generates a token and starts its conversation (the welcome is recorded).</summary>
    public async Task<(string ConversationId, string Token)> StartConversationAsync()
    {
        var (conversationId, token) = await GenerateTokenAsync();
        var (status, body) = await SendAsync(HttpMethod.Post, "conversations", token, new JObject { ["user"] = new JObject() });
        Assert.Equal(201, status);
        return (conversationId, (string)body!["token"]!);
    }

    public async Task<(int Status, JObject? Body)> SendAsync(HttpMethod method, string path, string? bearer, JToken? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json.ToString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : Parse(text));
    }

    /// <summary>Parses wire JSON keeping dates as the strings the server wrote.</summary>
    public static JObject Parse(string json) =>
        JsonConvert.DeserializeObject<JObject>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;

    // Each post gets its own clientActivityID unless one is given: the server takes it as an idempotency key.
    public Task<(int Status, JObject? Body)> PostTextAsync(string conversationId, string token, string text, string? clientActivityId = null) =>
        SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["channelId"] = "webchat",
            ["from"] = new JObject { ["id"] = "page-user", ["role"] = "user" },
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId ?? "c-" + Guid.NewGuid().ToString("N") },
        });

    public Task<(int Status, JObject? Body)> PollAsync(string conversationId, string token, string watermark = "") =>
        SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark={watermark}", token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
