using System.Net;
using Chatbot.Knowledge;

namespace Chatbot.Benchmarks.Reload;

/// <summary>
/// The real clinic bot (<c>AddChatbot</c> + <c>MapChatbot</c>, Production, the repository's appsettings.json) on
/// 127.0.0.1 with a free port, serving a temporary copy of faq-data/ with its own model folder. The repository's
/// working model is copied in when present, so start-up reuses it instead of training for a minute.
/// </summary>
internal sealed class ReloadHost : IAsyncDisposable
{
    private ReloadHost(WebApplication app, Uri address, string root)
    {
        App = app;
        Address = address;
        Root = root;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public string Root { get; }

    public string DataFolder => Path.Combine(Root, "faq-data");

    public IFaqPublishing Publishing => App.Services.GetRequiredService<IFaqPublishing>();

    public FaqKnowledgeProvider Knowledge => App.Services.GetRequiredService<FaqKnowledgeProvider>();

    public static async Task<ReloadHost> StartAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "chatbot-reload-" + Guid.NewGuid().ToString("N"));
        CopyJson(Path.Combine(repositoryRoot, "faq-data"), Path.Combine(root, "faq-data"));
        CopyJson(Path.Combine(repositoryRoot, "faq-data", "tests"), Path.Combine(root, "faq-data", "tests"));
        Directory.CreateDirectory(Path.Combine(root, "models"));
        foreach (var file in new[] { "model.zip", "model.json" })
        {
            var source = Path.Combine(repositoryRoot, "models", file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(root, "models", file));
            }
        }

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
            ["Logging:LogLevel:Chatbot.Knowledge"] = "Information",
            ["Chatbot:Storage:Provider"] = "InMemory",
            ["Chatbot:Faq:DataFolder"] = Path.Combine(root, "faq-data"),
            ["Chatbot:Faq:ModelFolder"] = Path.Combine(root, "models"),
            ["Chatbot:RateLimits:ConversationStartsPerMinutePerIp"] = "100000",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.AddChatbot();
        var app = builder.Build();
        app.MapChatbot();
        await app.StartAsync(cancellationToken);
        var host = new ReloadHost(app, new Uri(app.Urls.Single()), root);
        await host.WaitReadyAsync(TimeSpan.FromMinutes(5), cancellationToken);
        return host;
    }

    /// <summary>Waits until no publish, cross-validation or rollback is running or queued.</summary>
    public async Task WaitIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Publishing.IsBusy && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // REVIEW: a leftover temp folder is harmless.
        }
    }

    private static void CopyJson(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.json"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
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
