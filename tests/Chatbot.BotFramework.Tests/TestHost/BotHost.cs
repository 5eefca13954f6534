using System.Net.Http.Headers;
using System.Text;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>The bot behind <c>/api/messages</c> on 127.0.0.1, wired exactly as a host would with AddBotFramework + MapBotMessages.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, string baseUrl, EchoBot bot, RecordingTurnErrorHandler errors)
    {
        _app = app;
        Bot = bot;
        Errors = errors;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public HttpClient Client { get; }

    public EchoBot Bot { get; }

    public RecordingTurnErrorHandler Errors { get; }

    public IServiceProvider Services => _app.Services;

    public CloudAdapter Adapter => _app.Services.GetRequiredService<CloudAdapter>();

    /// <param name="settings">Configuration; anonymous unless it sets MicrosoftAppId.</param>
    public static async Task<BotHost> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = KestrelHost.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["BotFramework:ConnectorResilience:Retry:Delay"] = "00:00:00.010",
            ["BotFramework:ConnectorResilience:Retry:UseJitter"] = "false",
            ["BotFramework:ConnectorResilience:Retry:BackoffType"] = "Constant",
            ["BotFramework:MaxRequestBodyBytes"] = "262144",
        });
        builder.Configuration.AddInMemoryCollection(settings);

        // Anonymous hosts are the Emulator's local mode, which must be switched on; authenticated hosts talk to a fake
        // channel on 127.0.0.1, which must be on the service URL allow-list.
        var authenticated = settings.TryGetValue("MicrosoftAppId", out var appId) && !string.IsNullOrEmpty(appId);
        builder.Configuration.AddInMemoryCollection(authenticated
            ? new Dictionary<string, string?> { ["BotFramework:AllowedServiceUrlHosts:0"] = "127.0.0.1" }
            : new Dictionary<string, string?> { ["BotFramework:AllowAnonymous"] = "true" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBotFramework();
        var bot = new EchoBot();
        var errors = new RecordingTurnErrorHandler();
        builder.Services.AddSingleton<IBot>(bot);
        builder.Services.AddSingleton<ITurnErrorHandler>(errors);
        var app = builder.Build();
        app.MapBotMessages();
        var baseUrl = await KestrelHost.StartAsync(app);
        return new BotHost(app, baseUrl, bot, errors);
    }

    public Task<HttpResponseMessage> PostAsync(JObject activity, string? bearer = null) =>
        PostRawAsync(activity.ToString(), "application/json", bearer);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
