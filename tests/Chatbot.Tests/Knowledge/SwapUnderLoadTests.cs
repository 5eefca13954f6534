using System.Collections.Concurrent;
using Chatbot.Faq.Publishing;
using Chatbot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Chatbot.Tests.Knowledge;

/// <summary>Publishing while many requests are in flight: no request fails, and no reply mixes two versions.</summary>
public sealed class SwapUnderLoadTests(ITestOutputHelper output)
{
    private const int Clients = 8;

    [Fact]
    public async Task TwoPublishesUnderConcurrentRequestsGiveNoFailedOrMixedReplies()
    {
        using var bot = await new LiveReloadFactory(settings: new Dictionary<string, string?> { ["Chatbot:Publishing:WatchDataFolder"] = "false" }).StartAsync();
        bot.MarkParking("v0");
        Assert.Equal(PublishOutcome.Accepted, (await bot.Publishing.PublishNowAsync("test", CancellationToken.None)).Outcome);
        var versions = new ConcurrentDictionary<string, int>();
        var problems = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var load = Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => AskUntilStoppedAsync(bot, c, versions, problems, stop.Token))));
        await LiveReloadFactory.WaitUntilAsync(() => versions.Values.Sum() > 20, "the load to start");

        // First swap: answers only (the model is reused). Second: a new example too (the model is retrained).
        bot.MarkParking("v1");
        var first = await bot.Publishing.PublishNowAsync("test", CancellationToken.None);
        await LiveReloadFactory.WaitUntilAsync(() => versions.ContainsKey("v1"), "replies from v1");
        bot.MarkParking("v2", newExample: "is there a car park for patients at the clinic");
        var second = await bot.Publishing.PublishNowAsync("test", CancellationToken.None);
        await LiveReloadFactory.WaitUntilAsync(() => versions.ContainsKey("v2"), "replies from v2");
        await Task.Delay(300);
        await stop.CancelAsync();
        await load;

        output.WriteLine(string.Join(", ", versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}: {v.Value}")));
        Assert.Equal(PublishOutcome.Accepted, first.Outcome);
        Assert.Equal(PublishOutcome.Accepted, second.Outcome);
        Assert.True(first.ModelReused);
        Assert.False(second.ModelReused);
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(10)));
        Assert.Subset(new HashSet<string> { "v0", "v1", "v2", "other" }, versions.Keys.ToHashSet());
    }

    /// <summary>Asks the parking question (answered from the catalog) and a paraphrase (answered by the model) in turn.</summary>
    private static async Task AskUntilStoppedAsync(
        LiveReloadFactory bot, int client, ConcurrentDictionary<string, int> versions, ConcurrentQueue<string> problems, CancellationToken stop)
    {
        var conversation = new BotClient(bot.CreateClient());
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                var question = i % 2 == 0 ? LiveReloadFactory.ParkingQuestion : "is there somewhere to put my car";
                var reply = (await conversation.SayAsync(question)).First(a => a.Type == "message");
                var marker = Marker(reply.Text ?? string.Empty);
                versions.AddOrUpdate(marker ?? "other", 1, (_, n) => n + 1);
                var buttons = reply.SuggestedActions?.Actions.Select(a => Marker(a.Title ?? string.Empty)).OfType<string>().Distinct().ToList() ?? [];
                if (marker is not null && (buttons.Count != 1 || buttons[0] != marker))
                {
                    problems.Enqueue($"client {client}: mixed reply: answer [{marker}], buttons [{string.Join(", ", buttons)}]");
                }
            }
            catch (Exception ex)
            {
                problems.Enqueue($"client {client}: failed: {ex.Message}");
            }
        }
    }

    private static string? Marker(string text)
    {
        var start = text.LastIndexOf(" [", StringComparison.Ordinal);
        return start < 0 || !text.EndsWith(']') ? null : text[(start + 2)..^1];
    }
}
