using System.Collections.Concurrent;
using Chatbot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Infrastructure;

/// <summary>
/// The real clinic bot host in memory: the repository's faq-data and its trained model (trained once per machine and
/// dataset into a folder under the system temp directory, see <see cref="TestModelFolder"/>), in-memory storage, and a log that records every line so
/// tests can prove patient text never reaches Information level.
/// </summary>
public class ChatbotAppFactory : WebApplicationFactory<Program>
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    /// <summary>Extra configuration for a test class.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// True: the host has an app id and a fake Azure Bot Service signs every /api/messages request (Teams staff need
    /// an authenticated channel). False (default): anonymous local mode (<c>BotFramework:AllowAnonymous</c>), the
    /// Emulator's way, where no channel is trusted.
    /// </summary>
    protected virtual bool AuthenticatedChannels => false;

    /// <summary>The host's environment: Testing (a local environment, like Development), or Production for start-up checks.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>The fake Azure Bot Service of <see cref="AuthenticatedChannels"/> hosts.</summary>
    public FakeBotConnector BotConnector { get; } = new();

    /// <summary>Extra service replacements for a test class.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = "InMemory",
            ["Chatbot:Faq:DataFolder"] = FaqDataFolder.Path,
            ["Chatbot:Faq:ModelFolder"] = TestModelFolder.For(FaqDataFolder.Path),
            ["MicrosoftAppId"] = string.Empty,

            // Required outside Development and Testing (StartupRefusalTests); base64 of 32 bytes.
            ["DirectLine:TokenSigningKey"] = "dGVzdC1zaWduaW5nLWtleS1vZi0zMi1ieXRlcy0wMDA=",
            ["Chatbot:RateLimits:ConversationStartsPerMinutePerIp"] = "10000",
            ["Chatbot:RateLimits:MessagesPerMinutePerIp"] = "100000",
            ["Chatbot:RateLimits:SignInsPerMinutePerIp"] = "100000",
            ["Chatbot:RateLimits:MessagesPerMinutePerConversation"] = "100000",
        };
        // Anonymous /api/messages is allowed only in local environments (a Production host would refuse to start).
        var local = EnvironmentName is "Testing" or "Development";
        var channelSettings = AuthenticatedChannels ? FakeBotConnector.Settings
            : local ? new Dictionary<string, string?> { ["BotFramework:AllowAnonymous"] = "true" }
            : new Dictionary<string, string?>();
        foreach (var (key, value) in channelSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(new RecordingLoggerProvider(Logs));
        });
        builder.ConfigureTestServices(services =>
        {
            if (AuthenticatedChannels)
            {
                BotConnector.AddTo(services);
            }

            ConfigureServices(services);
        });
    }

}

internal sealed class RecordingLoggerProvider(ConcurrentQueue<(LogLevel, string, string)> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<(LogLevel, string, string)> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
    }
}
