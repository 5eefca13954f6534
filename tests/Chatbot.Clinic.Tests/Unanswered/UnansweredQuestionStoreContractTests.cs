using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Clinic.Tests.Unanswered;

/// <summary>What every store of unanswered questions must do; one subclass per provider.</summary>
public abstract class UnansweredQuestionStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    protected abstract IUnansweredQuestionStore CreateStore();

    private static UnansweredQuestion Question(string text, int minutesAgo, UnansweredReason reason = UnansweredReason.Fallback) =>
        new(0, Now.AddMinutes(-minutesAgo), "webchat", reason, text, "out_of_scope:0.61|faq/cost:0.20", "v-test");

    [Fact]
    public async Task QuestionsSinceATimeAreListedNewestFirstWithWhatWasKept()
    {
        var store = CreateStore();
        await store.AddAsync(Question("old one", 120), default);
        await store.AddAsync(Question("what does [phone] cost", 10, UnansweredReason.Clarification), default);
        await store.AddAsync(Question("newest", 1), default);

        var listed = await store.ListAsync(Now.AddHours(-1), 10, default);

        Assert.Equal(["newest", "what does [phone] cost"], listed.Select(q => q.RedactedText));
        var kept = listed[1];
        Assert.Equal((UnansweredReason.Clarification, "webchat", "out_of_scope:0.61|faq/cost:0.20", "v-test", Now.AddMinutes(-10)),
            (kept.Reason, kept.Channel, kept.TopIntents, kept.ModelVersion, kept.CreatedAt));
        Assert.True(listed[0].Id != listed[1].Id, "each question gets its own id");
    }

    [Fact]
    public async Task TheListStopsAtTheLimit()
    {
        var store = CreateStore();
        for (var i = 0; i < 5; i++)
        {
            await store.AddAsync(Question($"question {i}", i), default);
        }

        Assert.Equal(["question 0", "question 1"], (await store.ListAsync(Now.AddDays(-1), 2, default)).Select(q => q.RedactedText));
    }

    [Fact]
    public async Task PurgingRemovesOnlyQuestionsOlderThanTheCutOff()
    {
        var store = CreateStore();
        await store.AddAsync(Question("expired", 60 * 24 * 100), default);
        await store.AddAsync(Question("kept", 5), default);

        Assert.Equal(1, await store.PurgeAsync(Now.AddDays(-90), default));
        Assert.Equal(["kept"], (await store.ListAsync(DateTimeOffset.MinValue, 10, default)).Select(q => q.RedactedText));
        Assert.Equal(0, await store.PurgeAsync(Now.AddDays(-90), default));
    }
}

public sealed class InMemoryUnansweredQuestionStoreTests : UnansweredQuestionStoreContractTests
{
    protected override IUnansweredQuestionStore CreateStore() => new InMemoryUnansweredQuestionStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteUnansweredQuestionStoreTests : UnansweredQuestionStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IUnansweredQuestionStore CreateStore() => new SqliteUnansweredQuestionStore(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}
