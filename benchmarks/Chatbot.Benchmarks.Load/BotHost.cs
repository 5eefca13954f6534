using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using System.Net;
using Chatbot.Knowledge;
using Chatbot.Clinic.Storage;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// The real clinic bot, composed as <c>src/Chatbot/Program.cs</c> does (<c>AddChatbot</c> + <c>MapChatbot</c>) with the
/// repository's appsettings.json, in the Production environment, on 127.0.0.1 with a free port. Overrides: logging
/// at Warning, the chosen storage provider, a fresh SQLite file in the temp folder, and the repository's faq-data/
/// and models/ (the model is trained there on first use, then reused).
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly string _databaseFolder;

    private BotHost(WebApplication app, Uri address, LogCounter logs, string databaseFolder)
    {
        App = app;
        Address = address;
        Logs = logs;
        _databaseFolder = databaseFolder;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public LogCounter Logs { get; }

    public FaqKnowledge Knowledge => App.Services.GetRequiredService<FaqKnowledgeProvider>().Current
        ?? throw new InvalidOperationException("The bot has no FAQ knowledge yet.");

    public static async Task<BotHost> StartAsync(string repositoryRoot, StorageProvider storage, CancellationToken cancellationToken)
    {
        var databaseFolder = Path.Combine(Path.GetTempPath(), "chatbot-load-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            // Anonymous /api/messages (the load client has no channel token) is honoured only in a local environment.
            EnvironmentName = Environments.Development,
            ApplicationName = "Chatbot",
            ContentRootPath = Path.Combine(repositoryRoot, "src", "Chatbot"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:AllowAnonymous"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Chatbot:Storage:Provider"] = storage.ToString(),
            ["Chatbot:Storage:SqlitePath"] = Path.Combine(databaseFolder, "chatbot.db"),
            ["Chatbot:Faq:DataFolder"] = Path.Combine(repositoryRoot, "faq-data"),
            ["Chatbot:Faq:ModelFolder"] = Path.Combine(repositoryRoot, "models"),
        });

        // Warnings and errors are counted and reported after the table, not streamed to the console mid-run.
        var logs = new LogCounter();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);

        builder.AddChatbot();
        var app = builder.Build();
        app.MapChatbot();
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.Single());
        var host = new BotHost(app, address, logs, databaseFolder);
        await host.WaitReadyAsync(TimeSpan.FromMinutes(5), cancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_databaseFolder, recursive: true);
        }
        catch (IOException)
        {
            // REVIEW: a leftover temp database is harmless; the OS cleans the temp folder.
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot was not ready in time: " + await response.Content.ReadAsStringAsync(cancellationToken));
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
