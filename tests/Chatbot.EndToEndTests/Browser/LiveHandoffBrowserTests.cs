using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Chatbot.Clinic.Handoffs;
using Chatbot.EndToEndTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Chatbot.Testing;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>
/// A live hand-off end to end: a patient in the real Web Chat in Chromium asks for a person during opening hours, a
/// staff member posts Teams-shaped (signed) activities to /api/messages to take the chat and reply, the patient sees
/// the reply, the patient's answer reaches the fake Teams Connector, staff end the chat and the bot answers again.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LiveHandoffBrowserTests(ChromiumBrowser chromium, ITestOutputHelper output)
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string Thread = "19:9f7c2f4b0e7e4f3c8b6d1a2b3c4d5e6f@thread.tacv2;messageid=1764000999000";

    [Fact]
    public async Task APatientInWebChatAndAStaffMemberInTeamsChatUntilStaffEndIt()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = new LiveHandoffHost();
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        await using var chat = await ChatPage.OpenAsync(chromium, host.BaseUrl, output, "live-handoff");
        await chat.OpenAndWaitForWelcomeAsync();
        await chat.ClickSuggestedActionAsync("Talk to a person", text => text.Contains("staff member will reply here", StringComparison.Ordinal), "the hand-off message");
        await chat.ScreenshotAsync("waiting");
        var reference = (await host.Services.GetRequiredService<ILiveHandoffStore>().ListOpenAsync(10, default)).Single().Reference;
        output.WriteLine("hand-off " + reference);

        // Staff take it in a thread of the staff channel and write to the patient.
        var took = await StaffSaysAsync(http, connector, "take " + reference);
        Assert.Contains($"You have **{reference}**", took, StringComparison.Ordinal);
        var before = (await chat.BotMessagesAsync()).Count;
        await chat.WaitForBotMessageAsync(before - 1, text => text.Contains("Sam from our team has joined the chat", StringComparison.Ordinal), "the staff member joining", TimeSpan.FromSeconds(15));
        await StaffSaysAsync(http, connector, "Hello, this is Sam at the front desk. How can I help?");
        var reply = await chat.WaitForBotMessageAsync(before, text => text.Contains("How can I help?", StringComparison.Ordinal), "the staff member's reply", TimeSpan.FromSeconds(15));
        Assert.Contains("Sam (clinic staff):", reply, StringComparison.Ordinal);
        await chat.ScreenshotAsync("staff-reply");

        // The patient answers in Web Chat: it reaches the Teams thread through the Connector, and the bot stays quiet.
        await chat.SendBox.FillAsync("Is there parking near the clinic?");
        await chat.SendBox.PressAsync("Enter");
        var relayed = await connector.WaitForAsync(r => ((string?)r.Body["text"] ?? string.Empty).Contains("Is there parking near the clinic?", StringComparison.Ordinal), 15_000);
        Assert.Equal($"**Patient ({reference}):** Is there parking near the clinic?", (string?)relayed["text"]);

        // Staff end it: the patient is told, and the bot answers FAQ questions again.
        await StaffSaysAsync(http, connector, "end");
        await chat.WaitForBotMessageAsync(before, text => text.Contains("back with the virtual assistant", StringComparison.Ordinal), "the end of the live chat", TimeSpan.FromSeconds(15));
        var entry = FaqData.Entry("faq/infusion_duration");
        await chat.AskAsync(entry.FirstExample, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), "the approved answer after the live chat");
        await chat.ScreenshotAsync("bot-again");
        Assert.True(chat.ConsoleProblems.Count == 0, "Console errors:\n" + string.Join('\n', chat.ConsoleProblems));
    }

    /// <summary>Posts a channel-thread message from Sam (clinic tenant, @mentioning the bot); returns the bot's reply text.</summary>
    private static async Task<string> StaffSaysAsync(HttpClient http, FakeConnector connector, string text)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = "1764" + Random.Shared.Next(100000, 999999),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "29:sam", ["name"] = "Sam Ortega", ["aadObjectId"] = "0c2e8d0a-8b8a-4d8f-8b41-8f7c0d5d3e22" },
            ["conversation"] = new JObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["id"] = Thread },
            ["recipient"] = new JObject { ["id"] = "28:00000000-aaaa-bbbb-cccc-000000000001", ["name"] = "Clinic Assistant" },
            ["text"] = "<at>Clinic Assistant</at> " + text,
            ["entities"] = new JArray(new JObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Clinic Assistant</at>",
                ["mentioned"] = new JObject { ["id"] = "28:00000000-aaaa-bbbb-cccc-000000000001", ["name"] = "Clinic Assistant" },
            }),
            ["channelData"] = new JObject
            {
                ["channel"] = new JObject { ["id"] = "19:9f7c2f4b0e7e4f3c8b6d1a2b3c4d5e6f@thread.tacv2" },
                ["team"] = new JObject { ["id"] = "19:0a1b2c3d4e5f40718293a4b5c6d7e8f9@thread.tacv2" },
                ["tenant"] = new JObject { ["id"] = Tenant },
            },
            ["deliveryMode"] = "expectReplies",
        };
        using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/api/messages answered {(int)response.StatusCode}: {body}");
        return string.Join("\n", JObject.Parse(body)["activities"]!.Select(a => (string?)a["text"]));
    }

    /// <summary>
    /// The real bot on a loopback port with Teams on (an app id, the fake Azure Bot Service signing /api/messages, the
    /// clinic's tenant allowed) and a clock moved to Tuesday 24 November 2026, 10:00 in Chicago, so the clinic is open.
    /// </summary>
    private sealed class LiveHandoffHost : WebApplicationFactory<Program>
    {
        private readonly FakeBotConnector _botConnector = new();
        private readonly ConcurrentQueue<string> _problems = new();

        public LiveHandoffHost() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        public Uri BaseUrl => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));

        public async Task StartAsync()
        {
            StartServer();
            using var http = new HttpClient { BaseAddress = BaseUrl };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(8))
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                await Task.Delay(200);
            }

            throw new TimeoutException("The live hand-off host was not ready: " + string.Join('\n', _problems));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            var settings = new Dictionary<string, string?>
            {
                ["Chatbot:Storage:Provider"] = "InMemory",
                ["Chatbot:Faq:DataFolder"] = RepositoryPaths.FaqData,
                ["Chatbot:Faq:ModelFolder"] = RepositoryPaths.Models,
                ["Chatbot:Teams:AllowedTenantIds:0"] = Tenant,
                ["Chatbot:RateLimits:ConversationStartsPerMinutePerIp"] = "10000",
                ["Chatbot:RateLimits:MessagesPerMinutePerIp"] = "100000",
            };
            foreach (var (key, value) in FakeBotConnector.Settings)
            {
                settings[key] = value;
            }

            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Warning);
            });
            builder.ConfigureTestServices(services =>
            {
                _botConnector.AddTo(services);
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)));
            });
        }
    }

    /// <summary>Real time, moved so that it starts at <paramref name="start"/>: timers and delays run as usual.</summary>
    private sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }
}
