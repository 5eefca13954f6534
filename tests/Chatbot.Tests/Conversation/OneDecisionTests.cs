using Chatbot.Patients;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Embeddings;
using Chatbot.Faq.Safety;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Conversation;

/// <summary>
/// Staff preview exactly what patients get: every staff test conversation through the bot's real path
/// (/api/messages) and through the decider the CLI's <c>ask</c> and <c>test</c> build (the published model, the safety
/// model from models/safety, the default policy) must come out the same.
/// </summary>
public sealed class OneDecisionTests(ChatbotAppFactory factory) : IClassFixture<ChatbotAppFactory>
{
    [Fact]
    public async Task TheBotAndTheCliDecideEveryStaffTestTheSameWay()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var holder = factory.Services.GetRequiredService<SafetyModelHolder>();
        var model = holder.Wait(TimeSpan.FromMinutes(5));
        Assert.NotNull(model);
        var cli = MessageDecider.With(model);
        var tests = JObject.Parse(File.ReadAllText(Path.Combine(FaqDataFolder.Path, "tests", "test-conversations.json")))["tests"]!
            .Select(t => (Text: (string)t["text"]!, Intent: (string)t["intent"]!))
            .Where(t => !t.Intent.StartsWith("staff/", StringComparison.Ordinal))
            .ToList();
        var botReplies = factory.Services.GetRequiredService<BotReplies>();
        var mismatches = new List<string>();
        foreach (var (text, _) in tests)
        {
            var decision = cli.Decide(text, knowledge, staffAudience: false);
            var replies = (await new BotClient(factory.CreateClient()).SayAsync(text)).Where(a => a.Type == "message").Select(a => a.Text ?? string.Empty).ToList();
            if (!Matches(decision, replies, botReplies))
            {
                mismatches.Add($"{text}: cli {decision.Outcome}, bot \"{replies.FirstOrDefault()}\"");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static bool Matches(MessageDecision decision, IReadOnlyList<string> replies, BotReplies botReplies)
    {
        var first = replies.FirstOrDefault() ?? string.Empty;
        if (decision.Safety.Risk != SafetyRisk.None)
        {
            return first.Contains("988", StringComparison.Ordinal) || first.Contains("911", StringComparison.Ordinal);
        }

        var answer = decision.Answer ?? AnswerDecision.Fallback;
        if (answer.Entry?.Id == "smalltalk/start_over")
        {
            return first.Contains("virtual assistant", StringComparison.Ordinal); // starting over shows the welcome again
        }

        return answer.Kind switch
        {
            AnswerKind.Answer or AnswerKind.ClinicianReferral => first.StartsWith(botReplies.FillIn(answer.Entry!.Answer), StringComparison.Ordinal),
            AnswerKind.Clarify => first.Contains("Did you mean", StringComparison.Ordinal),
            AnswerKind.Booking => first.Contains("appointment", StringComparison.Ordinal),
            AnswerKind.Handoff => replies.Count > 0,
            _ => first.Contains("can't answer", StringComparison.Ordinal),
        };
    }
}
