using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.BotFramework.Schema;
using Chatbot.Patients;
using Chatbot.Faq.Dataset;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Chatbot.Tests.Conversation;

/// <summary>The real host with the real trained model: answers come only from the approved dataset.</summary>
public sealed class RealModelTests(RealModelTests.Factory factory, ITestOutputHelper output) : IClassFixture<RealModelTests.Factory>
{
    /// <summary>
    /// The real host with an app id and a fake Azure Bot Service signing requests: staff answers need an
    /// authenticated Teams channel and an allowed tenant.
    /// </summary>
    public sealed class Factory : ChatbotAppFactory
    {
        protected override bool AuthenticatedChannels => true;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:Teams:AllowedTenantIds:0"] = Teams.TeamsFixtures.ClinicTenant,
        };
    }

    [Fact]
    public async Task EveryReplyToTheStaffTestQuestionsIsApprovedTextOrTheBotsOwnSafeMessage()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var replies = factory.Services.GetRequiredService<BotReplies>();
        var approved = knowledge.Catalog.Entries.Select(e => replies.FillIn(e.Answer)).ToHashSet(StringComparer.Ordinal);
        var tests = JObject.Parse(File.ReadAllText(Path.Combine(FaqDataFolder.Path, "tests", "test-conversations.json")))["tests"]!;
        var kinds = new Dictionary<string, int>();
        foreach (var test in tests)
        {
            // A new conversation per question: a hand-off would otherwise (rightly) silence the rest. Staff-only
            // questions are asked where staff are (Teams); everything else on the public website channel.
            var text = (string)test["text"]!;
            var channel = ((string)test["intent"]!).StartsWith("staff/", StringComparison.Ordinal) ? "msteams" : "webchat";
            foreach (var reply in (await new BotClient(factory.CreateClient(), channel).SayAsync(text)).Where(a => a.Type == "message"))
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
        var (staffEntries, questions) = StaffQuestions(knowledge);
        foreach (var question in questions)
        {
            // A new conversation per question: a hand-off after two fallbacks would otherwise silence the rest and
            // the check would pass without looking.
            var replies = await new BotClient(factory.CreateClient(), "webchat").SayAsync(question);
            Assert.NotEmpty(replies);
            foreach (var reply in replies)
            {
                AssertNoStaffContent(reply, staffEntries, question);
            }
        }

        output.WriteLine($"{staffEntries.Count} staff-only entries, {questions.Count} questions checked on webchat");
    }

    [Fact]
    public async Task StaffOnlyEntriesNeverReachDirectLine()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var (staffEntries, questions) = StaffQuestions(knowledge);
        var http = factory.CreateClient();
        foreach (var question in questions)
        {
            var replies = await DirectLineTurnAsync(http, question);
            Assert.NotEmpty(replies);
            foreach (var reply in replies)
            {
                AssertNoStaffContent(reply, staffEntries, question);
            }
        }

        output.WriteLine($"{staffEntries.Count} staff-only entries, {questions.Count} questions checked through the Direct Line server");
    }

    [Fact]
    public async Task StaffOnlyEntriesAreAnsweredForStaffInTeams()
    {
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var (staffEntries, _) = StaffQuestions(knowledge);
        foreach (var entry in staffEntries)
        {
            var reply = Assert.Single(await new BotClient(factory.CreateClient(), "msteams").SayAsync(entry.Examples[0]));
            Assert.Equal(entry.Answer, reply.Text);
        }
    }

    /// <summary>Every staff-only entry's example questions and title; the dataset must have some (staff.json).</summary>
    private static (List<FaqEntry> Entries, List<string> Questions) StaffQuestions(Chatbot.Faq.Answering.FaqKnowledge knowledge)
    {
        var entries = knowledge.Catalog.Entries.Where(e => e.Audience == Audience.Staff).ToList();
        Assert.True(entries.Count >= 5, $"expected the staff-only entries of faq-data/staff.json, found {entries.Count}");
        return (entries, entries.SelectMany(e => e.Examples.Append(e.Title)).ToList());
    }

    private static void AssertNoStaffContent(Activity reply, List<FaqEntry> staffEntries, string question)
    {
        var all = reply.Text + " " + string.Join(" ", reply.Attachments?.Select(a => a.Content?.ToString()) ?? []);
        foreach (var entry in staffEntries)
        {
            Assert.False(all.Contains(entry.Answer, StringComparison.Ordinal), $"'{question}' got the staff answer of {entry.Id}");
            Assert.DoesNotContain(reply.SuggestedActions?.Actions ?? [], a => a.Title == entry.Title);
        }
    }

    /// <summary>One question through the real Direct Line server (token, start, post, poll): the bot's replies to it.</summary>
    private static async Task<List<Activity>> DirectLineTurnAsync(HttpClient http, string question)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var generated = await http.SendAsync(generate);
        var session = JObject.Parse(await generated.Content.ReadAsStringAsync());
        var conversationId = (string)session["conversationId"]!;
        var token = (string)session["token"]!;
        token = (string)(await DirectLineAsync(http, HttpMethod.Post, "/v3/directline/conversations", token, new JObject { ["user"] = new JObject() }))["token"]!;
        var posted = await DirectLineAsync(http, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new JObject
        {
            ["type"] = "message",
            ["text"] = question,
            ["from"] = new JObject { ["id"] = "dl-user", ["role"] = "user" },
        });
        var postedId = (string)posted["id"]!;
        var set = await DirectLineAsync(http, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", token, null);
        return set["activities"]!.Select(a => a.ToObject<Activity>(BotJson.Serializer)!)
            .Where(a => a.ReplyToId == postedId && a.From?.Id != "dl-user")
            .ToList();
    }

    private static async Task<JObject> DirectLineAsync(HttpClient http, HttpMethod method, string path, string token, JObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JObject.Parse(text);
    }
}
