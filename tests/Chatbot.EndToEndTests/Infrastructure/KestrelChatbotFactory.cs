using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>
/// The real clinic bot on a real loopback port (Kestrel, .NET 10's <c>UseKestrel</c>), so a browser and node clients
/// can reach it: the repository's faq-data, the shared models/ folder (trained on first use), in-memory storage, no
/// app id (anonymous channel auth, as in Development). Warnings and errors are kept for the test output.
/// </summary>
public sealed class KestrelChatbotFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Configuration on top of the test defaults (e.g. the allowed embedding origins).</param>
    public KestrelChatbotFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        // Port 0: the OS picks a free port; 127.0.0.1 only, never all interfaces.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Log lines at Warning and above, for the test output when something fails.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>The address Kestrel bound, e.g. <c>http://127.0.0.1:41234</c> (after <see cref="WebApplicationFactory{T}.StartServer"/>).</summary>
    public Uri ServerAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The server has no addresses feature: is it Kestrel?");
            var address = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel bound no address.");
            return new Uri(address.TrimEnd('/'));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = "InMemory",
            ["Chatbot:Faq:DataFolder"] = RepositoryPaths.FaqData,
            ["Chatbot:Faq:ModelFolder"] = RepositoryPaths.Models,
            ["MicrosoftAppId"] = string.Empty,
            ["BotFramework:AllowAnonymous"] = "true", // local clients on /api/messages, as the Emulator would
            // Every client here (Chromium, node) comes from 127.0.0.1: the per-IP limit on conversation starts (30 a
            // minute by default) would count the whole suite as one visitor.
            ["Chatbot:RateLimits:ConversationStartsPerMinutePerIp"] = "10000",
            ["Chatbot:RateLimits:MessagesPerMinutePerIp"] = "100000",
        }));
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(AfterHours()));
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddProvider(new ProblemLoggerProvider(Problems));
        });
    }

    /// <summary>
    /// The clinic closed for yesterday, today and tomorrow (its time zone): these conversations are the after-hours
    /// bot's, whatever the hour the suite runs at. During opening hours a crisis message also opens a live chat with
    /// staff and the bot goes quiet for the person; LiveHandoffBrowserTests covers that with a clock of its own.
    /// </summary>
    private static Dictionary<string, string?> AfterHours()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        return Enumerable.Range(-1, 3).ToDictionary(
            day => $"Chatbot:Clinic:ClosedDates:{day + 1}", day => (string?)today.AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class ProblemLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ProblemLogger(categoryName, sink);

        public void Dispose()
        {
        }

        private sealed class ProblemLogger(string category, ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
        }
    }
}
