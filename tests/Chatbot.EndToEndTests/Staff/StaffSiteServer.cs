using System.Collections.Concurrent;
using System.Net;
using Chatbot.EndToEndTests.Infrastructure;
using Chatbot.Staff.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Chatbot.Clinic.Staff;

namespace Chatbot.EndToEndTests.Staff;

/// <summary>
/// The real bot on a loopback port, serving a private copy of faq-data (and of the trained model, so it need not
/// train at start-up) that the staff page may change: the repository's files are never touched. One local staff
/// account, <see cref="UserName"/> / <see cref="Password"/>.
/// </summary>
public sealed class StaffSiteServer : WebApplicationFactory<Program>
{
    public const string UserName = "maria";
    public const string Password = "a long staff password";

    public StaffSiteServer()
    {
        Root = Path.Combine(Path.GetTempPath(), "staff-e2e-" + Guid.NewGuid().ToString("N"));
        DataFolder = Path.Combine(Root, "faq-data");
        ModelFolder = Path.Combine(Root, "models");
        Copy(RepositoryPaths.FaqData, DataFolder);
        if (Directory.Exists(RepositoryPaths.Models))
        {
            Copy(RepositoryPaths.Models, ModelFolder);
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string Root { get; }

    public string DataFolder { get; }

    public string ModelFolder { get; }

    public ConcurrentQueue<string> Problems { get; } = new();

    public Uri BaseUrl
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.TrimEnd('/'));
        }
    }

    /// <summary>Starts the host, waits until /readyz says ready, and creates the staff account.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        StartServer();
        using var http = new HttpClient { BaseAddress = BaseUrl };
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            using var response = await http.GetAsync("/readyz", cancel.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(250, cancel.Token);
        }

        Assert.Null(await Services.GetRequiredService<StaffAccounts>().AddAsync(UserName, Password, CancellationToken.None));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = "InMemory",
            ["Chatbot:Faq:DataFolder"] = DataFolder,
            ["Chatbot:Faq:ModelFolder"] = ModelFolder,
            ["MicrosoftAppId"] = string.Empty,
            ["BotFramework:AllowAnonymous"] = "true", // local clients on /api/messages, as the Emulator would
            ["Chatbot:RateLimits:ConversationStartsPerMinutePerIp"] = "10000",
            ["Chatbot:RateLimits:MessagesPerMinutePerIp"] = "100000",
            ["Chatbot:RateLimits:SignInsPerMinutePerIp"] = "100000",
        }));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddProvider(new ProblemLogger(Problems));
        });
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private sealed class ProblemLogger(ConcurrentQueue<string> sink) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");

        public void Dispose()
        {
        }
    }
}
