using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Integration;
using Chatbot.BotFramework.Schema;
using Chatbot.Conversation;
using Chatbot.Knowledge;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Chatbot.Clinic.Storage;

namespace Chatbot.Benchmarks;

/// <summary>
/// The clinic bot composed as the host composes it (<c>AddChatbot</c>), with the repository's appsettings.json and
/// faq-data/models, but not listening: turns run through <see cref="CloudAdapter.ProcessInProcessAsync(Activity, IBot, CancellationToken)"/>.
/// Logging is off (no providers), the FAQ knowledge is loaded synchronously (trained on first use).
/// </summary>
internal sealed class InProcessBot : IDisposable
{
    private readonly WebApplication _app;
    private readonly string _databaseFolder;

    public InProcessBot(string repositoryRoot, StorageProvider storage)
    {
        _databaseFolder = Path.Combine(Path.GetTempPath(), "chatbot-bench-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Anonymous /api/messages (the load client has no channel token) is honoured only in a local environment.
            EnvironmentName = Environments.Development,
            ApplicationName = "Chatbot",
            ContentRootPath = Path.Combine(repositoryRoot, "src", "Chatbot"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:AllowAnonymous"] = "true",
            ["Chatbot:Storage:Provider"] = storage.ToString(),
            ["Chatbot:Storage:SqlitePath"] = Path.Combine(_databaseFolder, "chatbot.db"),
            ["Chatbot:Faq:DataFolder"] = Path.Combine(repositoryRoot, "faq-data"),
            ["Chatbot:Faq:ModelFolder"] = Path.Combine(repositoryRoot, "models"),
        });
        builder.Logging.ClearProviders();
        builder.AddChatbot();
        _app = builder.Build();
        _app.Services.GetRequiredService<FaqKnowledgeLoader>().LoadAndPublish(CancellationToken.None);
        Adapter = _app.Services.GetRequiredService<CloudAdapter>();
        Bot = _app.Services.GetRequiredService<IBot>();
        State = _app.Services.GetRequiredService<ConversationStateAccessor>();
        Knowledge = _app.Services.GetRequiredService<FaqKnowledgeProvider>().Current ?? throw new InvalidOperationException("No FAQ knowledge.");
    }

    public CloudAdapter Adapter { get; }

    public IBot Bot { get; }

    public ConversationStateAccessor State { get; }

    public FaqKnowledge Knowledge { get; }

    public Task<IReadOnlyList<Activity>> TurnAsync(Activity activity) => Adapter.ProcessInProcessAsync(activity, Bot, CancellationToken.None);

    public void Dispose()
    {
        ((IDisposable)_app).Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_databaseFolder, recursive: true);
        }
        catch (IOException)
        {
            // REVIEW: a leftover temp database is harmless.
        }
    }
}
