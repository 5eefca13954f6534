using Chatbot.Conversation;
using Chatbot.Faq.Dataset;
using Chatbot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Chatbot.Tests.Conversation;

/// <summary>The real host with the real trained model: answers come only from the approved dataset.</summary>
public sealed class RealModelTests(ChatbotAppFactory factory, ITestOutputHelper output) : IClassFixture<ChatbotAppFactory>
{
    [Fact]
    public async Task EveryReplyToTheStaffTestQuestionsIsApprovedTextOrTheBotsOwnSafeMessage()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var approved = knowledge.Catalog.Entries.Select(e => e.Answer).ToHashSet(StringComparer.Ordinal);
        var tests = JObject.Parse(File.ReadAllText(Path.Combine(FaqDataFolder.Path, "tests", "test-conversations.json")))["tests"]!;
        var kinds = new Dictionary<string, int>();
        foreach (var test in tests)
        {
            // A new conversation per question: a hand-off would otherwise (rightly) silence the rest.
            var text = (string)test["text"]!;
            foreach (var reply in (await new BotClient(factory.CreateClient()).SayAsync(text)).Where(a => a.Type == "message"))
            {
                var kind = approved.Contains(reply.Text!) ? "approved answer"
                    : reply.Text!.Contains("Did you mean", StringComparison.Ordinal) ? "did you mean"
                    : reply.Text.Contains("can't answer", StringComparison.Ordinal) ? "fallback"
                    : reply.Text.Contains("988", StringComparison.Ordinal) ? "crisis"
                    : reply.Text.Contains("automated assistant", StringComparison.Ordinal) ? "welcome"
                    : reply.Text.Contains("request an appointment", StringComparison.Ordinal) ? "booking dialog"
                    : reply.Text.Contains("staff member will reply", StringComparison.Ordinal) || reply.Text.Contains("away right now", StringComparison.Ordinal)
                      || reply.Text.Contains("bringing in a person", StringComparison.Ordinal) ? "hand-off"
                    : "UNEXPECTED: " + reply.Text;
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                Assert.DoesNotContain("UNEXPECTED", kind, StringComparison.Ordinal);
            }
        }

        foreach (var (kind, count) in kinds)
        {
            output.WriteLine($"{kind}: {count}");
        }

        Assert.True(kinds.GetValueOrDefault("approved answer") > tests.Count() / 2, "most staff test questions should get their approved answer");
    }

    [Fact]
    public async Task AnExampleQuestionFromTheDatasetGetsItsAnswer()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var entry = knowledge.Find("faq/who_prescribes")!;
        var reply = Assert.Single(await new BotClient(factory.CreateClient()).SayAsync(entry.Examples[0]));
        Assert.Equal(entry.Answer, reply.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("🙂🙂🙂")]
    [InlineData("氯胺酮输液需要多长时间")]
    [InlineData("Сколько длится инфузия?")]
    public async Task OddInputGetsADefinedReply(string text)
    {
        await KnowledgeReady.WaitAsync(factory.Services);
        var reply = Assert.Single(await new BotClient(factory.CreateClient()).SayAsync(text));
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    [Fact]
    public async Task ATenThousandCharacterQuestionIsHandled()
    {
        await KnowledgeReady.WaitAsync(factory.Services);
        var reply = Assert.Single(await new BotClient(factory.CreateClient()).SayAsync(string.Concat(Enumerable.Repeat("ketamine ", 1200))[..10_000]));
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    [Fact]
    public async Task StaffOnlyEntriesNeverReachTheWebChannel()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var staffEntries = knowledge.Catalog.Entries.Where(e => e.Audience == Audience.Staff).ToList();
        var staffAnswers = staffEntries.Select(e => e.Answer).ToHashSet(StringComparer.Ordinal);
        var staffTitles = staffEntries.Select(e => e.Title).ToHashSet(StringComparer.Ordinal);
        var client = new BotClient(factory.CreateClient(), "webchat");
        foreach (var example in staffEntries.SelectMany(e => e.Examples.Append(e.Title)))
        {
            foreach (var reply in await client.SayAsync(example))
            {
                Assert.DoesNotContain(reply.Text!, staffAnswers);
                Assert.DoesNotContain(reply.SuggestedActions?.Actions ?? [], a => staffTitles.Contains(a.Title!));
            }
        }

        output.WriteLine($"{staffEntries.Count} staff-only entries checked");
    }
}
