using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;
using Chatbot.Testing;

namespace Chatbot.Clinic.Tests.Feedback;

/// <summary>What every store of answer feedback must do; one subclass per provider.</summary>
public abstract class AnswerFeedbackStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    protected abstract IAnswerFeedbackStore CreateStore();

    private static AnswerFeedback Vote(string id, int minutesAgo, string intent, string model, AnswerVote vote) =>
        new(id, Now.AddMinutes(-minutesAgo), "webchat", intent, model, vote);

    // The port promises no order (AnswerFeedbackTotals sorts what staff see), so the tests sort.
    private static async Task<List<AnswerFeedbackCount>> CountAsync(IAnswerFeedbackStore store, DateTimeOffset since) =>
        [.. (await store.CountAsync(since, default)).OrderBy(c => c.Intent, StringComparer.Ordinal).ThenBy(c => c.ModelVersion, StringComparer.Ordinal)];

    [ProviderFact]
    public async Task NothingVotedCountsNothing()
    {
        Assert.Empty(await CreateStore().CountAsync(DateTimeOffset.MinValue, default));
    }

    [ProviderFact]
    public async Task VotesSinceATimeAreCountedPerEntryAndModelVersion()
    {
        var store = CreateStore();
        await store.RecordAsync(Vote("a1", 120, "faq/cost", "v1", AnswerVote.NotHelpful), default); // before the window
        await store.RecordAsync(Vote("a2", 50, "faq/cost", "v1", AnswerVote.Helpful), default);
        await store.RecordAsync(Vote("a3", 40, "faq/cost", "v1", AnswerVote.NotHelpful), default);
        await store.RecordAsync(Vote("a4", 30, "faq/cost", "v1", AnswerVote.Helpful), default);
        await store.RecordAsync(Vote("a5", 20, "faq/cost", "v2", AnswerVote.NotHelpful), default);
        await store.RecordAsync(Vote("a6", 10, "faq/parking", "v1", AnswerVote.Helpful), default);

        Assert.Equal(
            [
                new AnswerFeedbackCount("faq/cost", "v1", 2, 1, Now.AddMinutes(-30)),
                new AnswerFeedbackCount("faq/cost", "v2", 0, 1, Now.AddMinutes(-20)),
                new AnswerFeedbackCount("faq/parking", "v1", 1, 0, Now.AddMinutes(-10)),
            ],
            await CountAsync(store, Now.AddHours(-1)));
    }

    [ProviderFact]
    public async Task ASecondVoteWithTheSameIdReplacesTheFirst()
    {
        var store = CreateStore();
        await store.RecordAsync(Vote("changed-mind", 10, "faq/cost", "v1", AnswerVote.Helpful), default);
        Assert.Equal([new AnswerFeedbackCount("faq/cost", "v1", 1, 0, Now.AddMinutes(-10))], await CountAsync(store, Now.AddHours(-1)));

        await store.RecordAsync(Vote("changed-mind", 5, "faq/cost", "v1", AnswerVote.NotHelpful), default);

        Assert.Equal([new AnswerFeedbackCount("faq/cost", "v1", 0, 1, Now.AddMinutes(-5))], await CountAsync(store, Now.AddHours(-1)));
    }

    [ProviderFact]
    public async Task PurgingRemovesOnlyVotesOlderThanTheCutOff()
    {
        var store = CreateStore();
        await store.RecordAsync(Vote("expired-1", 60 * 24 * 400, "faq/cost", "v1", AnswerVote.Helpful), default);
        await store.RecordAsync(Vote("expired-2", 60 * 24 * 366, "faq/parking", "v1", AnswerVote.NotHelpful), default);
        await store.RecordAsync(Vote("kept", 5, "faq/cost", "v2", AnswerVote.Helpful), default);

        Assert.Equal(2, await store.PurgeAsync(Now.AddDays(-365), default));
        Assert.Equal([new AnswerFeedbackCount("faq/cost", "v2", 1, 0, Now.AddMinutes(-5))], await CountAsync(store, DateTimeOffset.MinValue));
        Assert.Equal(0, await store.PurgeAsync(Now.AddDays(-365), default));
    }
}

public sealed class InMemoryAnswerFeedbackStoreTests : AnswerFeedbackStoreContractTests
{
    protected override IAnswerFeedbackStore CreateStore() => new InMemoryAnswerFeedbackStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteAnswerFeedbackStoreTests : AnswerFeedbackStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IAnswerFeedbackStore CreateStore() => new SqliteAnswerFeedbackStore(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}
