using System.Net;
using System.Text;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Tests.Security;

/// <summary>
/// Issue 12, finding 3: unanswered questions were stored at full length, Direct Line posts were unlimited in size and
/// number (200 posts of 120 KB made a 100 MB staff page), and the staff list had no pages.
/// </summary>
public sealed class UnboundedTextSecurityTests
{
    [Fact]
    public async Task DirectLineRefusesMessagesLongerThanAPersonTypes()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("faq/infusion_duration", 0.95f));
        var chat = await new DirectLineClient(factory.CreateClient()).StartAsync();

        using var huge = await chat.PostAsync(Message(new string('a', 120 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        using var tooLong = await chat.PostAsync(Message(new string('a', 5_001)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.Contains("5000 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var typed = await chat.PostAsync(Message(string.Join(' ', Enumerable.Repeat("how long does it take?", 200))));
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
    }

    [Fact]
    public async Task ALongMessageIsStoredCutButTheSafetyGateReadsAllOfIt()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("out_of_scope", 0.9f));
        var filler = string.Concat(Enumerable.Repeat("blah blah words here ", 9_000));

        var stored = await new BotClient(factory.CreateClient()).SayAsync(filler);
        Assert.NotEmpty(stored);
        var questions = await factory.Services.GetRequiredService<IUnansweredQuestionStore>().ListAsync(DateTimeOffset.MinValue, 100, CancellationToken.None);
        var question = Assert.Single(questions);
        Assert.True(question.RedactedText.Length <= StoredText.MaxStoredLength + StoredText.CutMarker.Length, $"{question.RedactedText.Length} characters stored");
        Assert.EndsWith(StoredText.CutMarker, question.RedactedText, StringComparison.Ordinal);

        // The gate gets the message as typed, before any cap of ours. (SafetyGate itself reads the first 4,000
        // characters — its owner's decision, reported in docs/security.md — so the sentence sits inside those.)
        var crisis = await new BotClient(factory.CreateClient()).SayAsync(filler[..3_000] + " and honestly I want to kill myself " + filler);
        Assert.Contains(crisis, a => a.Text?.Contains("988", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PostsAreRateLimitedPerConversationWith429AndRetryAfterButPollingIsNot()
    {
        await using var factory = new LowLimits(perConversation: 5, perIp: 1000);
        factory.Predict(("faq/infusion_duration", 0.95f));
        var chat = await new DirectLineClient(factory.CreateClient()).StartAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await chat.PostAsync(Message("how long does it take?"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);

        // directlinejs polls every second and gives up after one 429: polling stays unlimited by these limits.
        for (var i = 0; i < 60; i++)
        {
            await chat.PollAsync();
            factory.Clock.Advance(TimeSpan.FromMilliseconds(200));
        }
    }

    [Fact]
    public async Task PostsAreRateLimitedPerClientAddressAcrossConversations()
    {
        await using var factory = new LowLimits(perConversation: 1000, perIp: 8);
        factory.Predict(("faq/infusion_duration", 0.95f));
        var statuses = new List<HttpStatusCode>();
        for (var c = 0; c < 3; c++)
        {
            var chat = await new DirectLineClient(factory.CreateClient()).StartAsync();
            for (var i = 0; i < 3; i++)
            {
                using var response = await chat.PostAsync(Message("how long does it take?"));
                statuses.Add(response.StatusCode);
            }
        }

        Assert.Equal(8, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task TheStaffUnansweredListIsPaged()
    {
        await using var factory = new StaffAppFactory(settings: new Dictionary<string, string?> { ["Chatbot:Staff:UnansweredPageSize"] = "5" });
        var store = factory.Services.GetRequiredService<IUnansweredQuestionStore>();
        var words = new[] { "parking", "dogs", "coffee", "wifi", "elevator", "bicycles", "umbrellas", "snacks", "music", "plants", "taxis", "stairs" };
        foreach (var word in words)
        {
            await store.AddAsync(new UnansweredQuestion(0, factory.Clock.GetUtcNow(), "webchat", UnansweredReason.Fallback, $"{word}", string.Empty, "v"), CancellationToken.None);
        }

        using var client = await factory.SignedInClientAsync();
        var first = StaffClient.Text(await client.PageAsync("/staff/unanswered"));
        Assert.Contains("12 groups, page 1 of 3", first, StringComparison.Ordinal);
        var third = StaffClient.Text(await client.PageAsync("/staff/unanswered?p=3"));
        Assert.Contains("page 3 of 3", third, StringComparison.Ordinal);
        Assert.Equal(12, words.Count(w => first.Contains(w, StringComparison.Ordinal) || third.Contains(w, StringComparison.Ordinal)
            || StaffClient.Text(client.PageAsync("/staff/unanswered?p=2").GetAwaiter().GetResult()).Contains(w, StringComparison.Ordinal)));
    }

    private static JObject Message(string text) => new() { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = "dl-user" } };

    private sealed class LowLimits(int perConversation, int perIp) : ScriptedClassifierFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:RateLimits:MessagesPerMinutePerConversation"] = perConversation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:RateLimits:MessagesPerMinutePerIp"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
