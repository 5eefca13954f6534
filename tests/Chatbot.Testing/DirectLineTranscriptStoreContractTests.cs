using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.Testing;

/// <summary>
/// The behaviour every <see cref="IDirectLineTranscriptStore"/> must have. Subclass it once per implementation and
/// return a new, empty store from <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract class DirectLineTranscriptStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IDirectLineTranscriptStore> CreateStoreAsync();

    [ProviderFact]
    public async Task CreatingTwiceReportsThatItExisted()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryCreateConversationAsync("c1", T0, CancellationToken.None));
        Assert.False(await store.TryCreateConversationAsync("c1", T0.AddHours(1), CancellationToken.None));
        var info = await store.GetConversationAsync("c1", CancellationToken.None);
        Assert.Equal(new DirectLineConversationInfo("c1", T0, T0, 0), info);
    }

    [ProviderFact]
    public async Task AnUnknownConversationHasNoInfoAndReadsEmpty()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetConversationAsync("nope", CancellationToken.None));
        Assert.Empty(await store.ReadAsync("nope", 0, 10, CancellationToken.None));
    }

    [ProviderFact]
    public async Task AppendingToAnUnknownConversationThrowsKeyNotFound()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.AppendAsync("nope", [Message("x")], T0, CancellationToken.None));
    }

    [ProviderFact]
    public async Task SequencesStartAtOneAndContinueAcrossAppends()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateConversationAsync("c1", T0, CancellationToken.None);

        Assert.Equal([1L], await store.AppendAsync("c1", [Message("a")], T0.AddSeconds(1), CancellationToken.None));
        Assert.Equal([2L, 3L], await store.AppendAsync("c1", [Message("b"), Message("c")], T0.AddSeconds(2), CancellationToken.None));
        Assert.Empty(await store.AppendAsync("c1", [], T0.AddSeconds(3), CancellationToken.None));

        var info = await store.GetConversationAsync("c1", CancellationToken.None);
        Assert.Equal(3, info!.ActivityCount);
        Assert.Equal(T0.AddSeconds(3), info.LastActivityAt);
        Assert.Equal(T0, info.CreatedAt);
    }

    [ProviderFact]
    public async Task ReadReturnsActivitiesAfterTheWatermarkInOrderUpToMaxCount()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateConversationAsync("c1", T0, CancellationToken.None);
        await store.AppendAsync("c1", [.. "abcde".Select(c => Message(c.ToString()))], T0, CancellationToken.None);

        var all = await store.ReadAsync("c1", 0, 100, CancellationToken.None);
        Assert.Equal(["a", "b", "c", "d", "e"], all.Select(e => e.Activity.Text));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], all.Select(e => e.Sequence));
        var page = await store.ReadAsync("c1", 2, 2, CancellationToken.None);
        Assert.Equal([(3L, "c"), (4L, "d")], page.Select(e => (e.Sequence, e.Activity.Text)));
        Assert.Empty(await store.ReadAsync("c1", 5, 10, CancellationToken.None));
        Assert.Empty(await store.ReadAsync("c1", 99, 10, CancellationToken.None));
    }

    [ProviderFact]
    public async Task ConversationsAreIndependentAndIdsAreOrdinal()
    {
        var store = await CreateStoreAsync();
        foreach (var id in new[] { "c|1", "C|1", "c 1/ü?#%" })
        {
            Assert.True(await store.TryCreateConversationAsync(id, T0, CancellationToken.None));
            await store.AppendAsync(id, [Message(id)], T0, CancellationToken.None);
        }

        foreach (var id in new[] { "c|1", "C|1", "c 1/ü?#%" })
        {
            var entry = Assert.Single(await store.ReadAsync(id, 0, 10, CancellationToken.None));
            Assert.Equal((1L, id), (entry.Sequence, entry.Activity.Text));
        }
    }

    [ProviderFact]
    public async Task ActivitiesRoundTripWithUnknownFieldsAndChannelData()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateConversationAsync("c1", T0, CancellationToken.None);
        var activity = BotJson.Deserialize<Activity>("""
            {"type":"message","text":"hi","timestamp":"2026-03-02T09:00:00.123Z","from":{"id":"dl_u","role":"user"},
             "channelData":{"clientActivityID":"k1","nested":{"n":[1,2]}},"futureField":"kept",
             "attachments":[{"name":"a.pdf","contentType":"application/pdf"}],"entities":[{"type":"ClientCapabilities","x":1}]}
            """)!;
        await store.AppendAsync("c1", [activity], T0, CancellationToken.None);

        var read = Assert.Single(await store.ReadAsync("c1", 0, 1, CancellationToken.None)).Activity;

        Assert.True(JToken.DeepEquals(JObject.Parse(BotJson.Serialize(activity)), JObject.Parse(BotJson.Serialize(read))));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero), read.Timestamp);
    }

    [ProviderFact]
    public async Task TheStoreKeepsCopies()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateConversationAsync("c1", T0, CancellationToken.None);
        var activity = Message("original");
        await store.AppendAsync("c1", [activity], T0, CancellationToken.None);
        activity.Text = "changed after append";
        (await store.ReadAsync("c1", 0, 1, CancellationToken.None))[0].Activity.Text = "changed after read";

        Assert.Equal("original", (await store.ReadAsync("c1", 0, 1, CancellationToken.None))[0].Activity.Text);
    }

    [ProviderFact]
    public async Task ConcurrentAppendsGetDistinctContiguousSequences()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateConversationAsync("c1", T0, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => store.AppendAsync("c1", [Message($"{i}a"), Message($"{i}b")], T0, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), results.SelectMany(r => r).Order());
        Assert.All(results, r => Assert.Equal(r[0] + 1, r[1]));
        var all = await store.ReadAsync("c1", 0, 1000, CancellationToken.None);
        Assert.Equal(80, all.Count);
    }

    [ProviderFact]
    public async Task DeleteInactiveRemovesOnlyConversationsIdleSinceBeforeTheCutoff()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateConversationAsync("old", T0, CancellationToken.None);
        await store.TryCreateConversationAsync("renewed", T0, CancellationToken.None);
        await store.TryCreateConversationAsync("new", T0.AddHours(2), CancellationToken.None);
        await store.AppendAsync("old", [Message("x")], T0.AddMinutes(1), CancellationToken.None);
        await store.AppendAsync("renewed", [Message("x")], T0.AddHours(3), CancellationToken.None);

        Assert.Equal(1, await store.DeleteInactiveAsync(T0.AddHours(1), CancellationToken.None));

        Assert.Null(await store.GetConversationAsync("old", CancellationToken.None));
        Assert.Empty(await store.ReadAsync("old", 0, 10, CancellationToken.None));
        Assert.NotNull(await store.GetConversationAsync("renewed", CancellationToken.None));
        Assert.NotNull(await store.GetConversationAsync("new", CancellationToken.None));
        Assert.Equal(0, await store.DeleteInactiveAsync(T0.AddHours(1), CancellationToken.None));
        Assert.True(await store.TryCreateConversationAsync("old", T0.AddHours(4), CancellationToken.None));
    }

    [ProviderFact]
    public async Task FindsAnActivityByItsClientActivityIdInItsConversationOnly()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateConversationAsync("c1", T0, CancellationToken.None);
        await store.TryCreateConversationAsync("c2", T0, CancellationToken.None);
        var posted = Message("hello");
        posted.ChannelData = new JObject { ["clientActivityID"] = "client-1", ["other"] = "x" };
        var mentions = Message("client-1 appears in my text");
        await store.AppendAsync("c1", [Message("welcome"), mentions], T0.AddSeconds(1), CancellationToken.None);
        await store.AppendAsync("c1", [posted], T0.AddSeconds(2), CancellationToken.None);
        var again = Message("hello");
        again.ChannelData = new JObject { ["clientActivityID"] = "client-1" };
        await store.AppendAsync("c1", [again], T0.AddSeconds(3), CancellationToken.None);

        Assert.Equal(3L, await store.FindByClientActivityIdAsync("c1", "client-1", CancellationToken.None));
        Assert.Null(await store.FindByClientActivityIdAsync("c1", "client-2", CancellationToken.None));
        Assert.Null(await store.FindByClientActivityIdAsync("c1", "client", CancellationToken.None));
        Assert.Null(await store.FindByClientActivityIdAsync("c2", "client-1", CancellationToken.None));
        Assert.Null(await store.FindByClientActivityIdAsync("nope", "client-1", CancellationToken.None));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
