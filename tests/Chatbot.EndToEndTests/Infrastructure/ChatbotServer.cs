using System.Diagnostics;
using System.Net;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>
/// One real host per test collection: started once, ready once the FAQ knowledge is published (<c>/readyz</c>),
/// shared by the browser and the node client tests.
/// </summary>
public sealed class ChatbotServer : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(8);

    public KestrelChatbotFactory Factory { get; private set; } = null!;

    /// <summary>A clinic's website on another origin that is allowed to embed the chat (Chatbot:Embed:AllowedOrigins).</summary>
    public ClinicWebsite AllowedSite { get; private set; } = null!;

    /// <summary>A website on another origin that is not allowed to embed the chat.</summary>
    public ClinicWebsite OtherSite { get; private set; } = null!;

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A plain HttpClient to <see cref="BaseUrl"/>, over the network like any client.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>How long start-up took until ready (the model loads from models/, or trains when missing or stale).</summary>
    public TimeSpan StartUp { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        AllowedSite = await ClinicWebsite.StartAsync();
        OtherSite = await ClinicWebsite.StartAsync();
        Factory = new KestrelChatbotFactory(new Dictionary<string, string?> { ["Chatbot:Embed:AllowedOrigins:0"] = AllowedSite.Origin });
        Factory.StartServer();
        BaseUrl = Factory.ServerAddress;
        AllowedSite.BotUrl = BaseUrl;
        OtherSite.BotUrl = BaseUrl;
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        using var timeout = new CancellationTokenSource(ReadyTimeout);
        string last = "no answer";
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync("/readyz", timeout.Token);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                if (last.Contains("\"failed\"", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The bot could not load its FAQ knowledge: {last}\n{string.Join('\n', Factory.Problems)}");
                }

                await Task.Delay(200, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The bot was not ready within {ReadyTimeout}: last /readyz {last}\n{string.Join('\n', Factory.Problems)}");
            }
        }

        StartUp = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (AllowedSite is not null)
        {
            await AllowedSite.DisposeAsync();
        }

        if (OtherSite is not null)
        {
            await OtherSite.DisposeAsync();
        }
    }
}
