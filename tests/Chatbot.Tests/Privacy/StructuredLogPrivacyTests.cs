using Chatbot.Clinic.Bookings;
using Chatbot.Faq.Safety;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Privacy;

/// <summary>
/// Issue 14: the structured logs (messages, template values, scopes, exceptions) stay free of what a patient typed
/// across a whole web-chat conversation — a question, a booking with name and phone, a crisis message — on the real
/// host with the real models.
/// </summary>
public sealed class StructuredLogPrivacyTests(StructuredLogPrivacyTests.Factory factory) : IClassFixture<StructuredLogPrivacyTests.Factory>
{
    private const string Name = "Quinlan Featherstone";
    private const string Phone = "(312) 555-0199";
    private const string Word = "xylophonist";

    private static readonly string[] Forbidden = ["Quinlan", "Featherstone", "555-0199", "5550199", Word, "kill myself"];

    [Fact]
    public async Task NoLogRecordAtInformationOrAboveCarriesThePatientsWords()
    {
        await KnowledgeReady.WaitAsync(factory.Services);
        Assert.NotNull(factory.Services.GetRequiredService<SafetyModelHolder>().Wait(TimeSpan.FromMinutes(5)));
        var chat = await new DirectLineClient(factory.CreateClient()).StartAsync();

        await chat.SayAsync($"I'm a {Word} with awful back pain, how long does an infusion take?");
        var reference = await BookAsync(chat);
        var booked = await factory.Services.GetRequiredService<IBookingStore>().GetAsync(reference, CancellationToken.None);
        Assert.Equal((Name, "3125550199"), (booked?.Name, booked?.Phone));
        var crisis = await chat.SayAsync($"it's {Name.Split(' ')[0]} again, honestly as a {Word} I want to kill myself");
        Assert.Contains(crisis, a => a.Text?.Contains("988", StringComparison.Ordinal) == true);

        var records = factory.Recorder.Records.Where(r => r.Level >= LogLevel.Information).ToList();
        Assert.NotEmpty(records);
        Assert.Contains(records, r => r.Message.Contains("Safety gate fired", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains(reference, StringComparison.Ordinal));
        var leaks = records
            .SelectMany(r => r.Texts.Where(t => Forbidden.Any(f => t.Contains(f, StringComparison.OrdinalIgnoreCase))).Select(t => $"{r.Level} {r.Category}: {t}"))
            .ToList();
        Assert.True(leaks.Count == 0, "patient text in the logs:\n" + string.Join('\n', leaks));
    }

    /// <summary>Books by answering whatever the dialog asks next, and returns the reference the patient is given.</summary>
    private static async Task<string> BookAsync(DirectLineClient chat)
    {
        var prompt = Last(await chat.SayAsync("I'd like to book a consultation"));
        for (var step = 0; step < 8; step++)
        {
            var match = System.Text.RegularExpressions.Regex.Match(prompt, "PSI-[A-Z2-9]{6}");
            if (match.Success)
            {
                return match.Value;
            }

            var answer = prompt switch
            {
                // Web Chat gets the booking form first; a patient may type the answers instead, the name first.
                _ when prompt.Contains("What's your name", StringComparison.Ordinal) || prompt.Contains("Fill in the form", StringComparison.Ordinal) => Name,
                _ when prompt.Contains("phone number or e-mail", StringComparison.Ordinal) => Phone,
                _ when prompt.Contains("When would you like to come in", StringComparison.Ordinal) => "next Tuesday afternoon",
                _ when prompt.Contains("What would you like to book", StringComparison.Ordinal) => "New-patient consultation",
                _ => "yes",
            };
            prompt = Last(await chat.SayAsync(answer));
        }

        throw new InvalidOperationException("The booking did not finish; last prompt: " + prompt);
    }

    private static string Last(IReadOnlyList<BotFramework.Schema.Activity> replies) =>
        replies.LastOrDefault(a => a.Type == "message")?.Text ?? string.Empty;

    public sealed class Factory : ChatbotAppFactory
    {
        public StructuredLogRecorder Recorder { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Recorder);
    }
}
