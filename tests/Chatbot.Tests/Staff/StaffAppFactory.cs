using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Chatbot.Staff.Accounts;
using Chatbot.Staff.Publishing;
using Chatbot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Chatbot.Clinic.Staff;

namespace Chatbot.Tests.Staff;

/// <summary>
/// The real host for staff page tests: a private copy of the repository's faq-data (tests write to it; the repository's
/// files are never touched), in-memory storage, a fixed clock, no background training (the knowledge is published
/// with a <see cref="FixedClassifier"/>), and one local account <see cref="UserName"/> / <see cref="Password"/>.
/// </summary>
public sealed class StaffAppFactory : ChatbotAppFactory
{
    public const string UserName = "alice";
    public const string Password = "correct horse battery staple";

    private readonly Action<IServiceCollection>? _configure;
    private readonly IDictionary<string, string?> _settings;

    public StaffAppFactory(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        _configure = configure;
        _settings = settings ?? new Dictionary<string, string?>();
        Data = TempFaqData.CopyOfRepository();
    }

    public TempFaqData Data { get; }

    /// <summary>The host environment (Testing unless a test needs Production's rules).</summary>
    public string Environment { get; init; } = "Testing";

    protected override string EnvironmentName => Environment;

    /// <summary>Tuesday 24 November 2026, 10:00 in Chicago.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));

    public FixedClassifier Classifier { get; } = new();

    /// <summary>Publishing as the staff page sees it (the real service is tested in the end-to-end test).</summary>
    public FakeStaffPublisher Publisher { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(_settings)
    {
        ["Chatbot:Faq:DataFolder"] = Data.Path,
        ["Chatbot:Faq:ModelFolder"] = Data.Models,
    };

    /// <summary>Creates the account (once) and returns a client signed in as it.</summary>
    public async Task<StaffClient> SignedInClientAsync()
    {
        await EnsureAccountAsync();
        var client = Client();
        await client.SignInAsync(UserName, Password);
        return client;
    }

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public StaffClient Client() => new(CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task EnsureAccountAsync()
    {
        var accounts = Services.GetRequiredService<StaffAccounts>();
        if ((await accounts.ListAsync(CancellationToken.None)).Count == 0)
        {
            Assert.Null(await accounts.AddAsync(UserName, Password, CancellationToken.None));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Settings that registration reads (which sign-in schemes exist) must be there before Program runs AddChatbot.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IHostedService>();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        var provider = new FaqKnowledgeProvider();
        provider.Publish(new FaqKnowledge(new FaqCatalog(new FaqDatasetLoader().Load(Data.Path).Entries), Classifier, "test"));
        services.RemoveAll<FaqKnowledgeProvider>();
        services.AddSingleton(provider);
        services.RemoveAll<IStaffPublisher>();
        services.AddSingleton<IStaffPublisher>(Publisher);
        _configure?.Invoke(services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Data.Dispose();
    }
}

/// <summary>A classifier that always answers with <see cref="Top"/> (out of scope unless a test sets it).</summary>
public sealed class FixedClassifier : IIntentClassifier
{
    public IReadOnlyList<IntentScore> Top { get; set; } = [new("out_of_scope", 0.4f), new("faq/parking", 0.3f), new("faq/cost", 0.2f)];

    public IntentPrediction Classify(string text) =>
        new(Top, Top.Count == 0 || Top[0].Intent == FaqEntry.OutOfScopeId, new IntentThresholds(0.6f, 0.25f), "test");
}
