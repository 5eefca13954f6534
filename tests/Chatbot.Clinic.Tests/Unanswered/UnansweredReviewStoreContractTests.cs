using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Clinic.Tests.Unanswered;

/// <summary>What every store of staff decisions on unanswered wordings must do; one subclass per provider.</summary>
public abstract class UnansweredReviewStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    protected abstract IUnansweredReviewStore CreateStore();

    [Fact]
    public async Task ReviewedWordingsAreRememberedByKey()
    {
        var store = CreateStore();
        Assert.Empty(await store.ReviewedKeysAsync(default));

        await store.MarkAsync(["weather in paris", "pizza near me"], UnansweredReviewAction.Dismissed, null, "sam", Now, default);
        await store.MarkAsync(["does insurance pay"], UnansweredReviewAction.AddedAsExample, "faq/cost", "sam", Now, default);

        Assert.Equal(["does insurance pay", "pizza near me", "weather in paris"], (await store.ReviewedKeysAsync(default)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MarkingAWordingAgainKeepsOneEntryWithTheLatestDecision()
    {
        var store = CreateStore();
        await store.MarkAsync(["same wording"], UnansweredReviewAction.Dismissed, null, "sam", Now.AddDays(-400), default);
        await store.MarkAsync(["same wording"], UnansweredReviewAction.AddedAsExample, "faq/cost", "alex", Now, default);

        Assert.Single(await store.ReviewedKeysAsync(default));
        Assert.Equal(0, await store.PurgeAsync(Now.AddDays(-365), default));
    }

    [Fact]
    public async Task PurgingForgetsDecisionsMadeBeforeTheCutOff()
    {
        var store = CreateStore();
        await store.MarkAsync(["old decision"], UnansweredReviewAction.Dismissed, null, "sam", Now.AddDays(-400), default);
        await store.MarkAsync(["recent decision"], UnansweredReviewAction.Dismissed, null, "sam", Now, default);

        Assert.Equal(1, await store.PurgeAsync(Now.AddDays(-365), default));
        Assert.Equal(["recent decision"], await store.ReviewedKeysAsync(default));
    }
}

public sealed class InMemoryUnansweredReviewStoreTests : UnansweredReviewStoreContractTests
{
    protected override IUnansweredReviewStore CreateStore() => new InMemoryUnansweredReviewStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteUnansweredReviewStoreTests : UnansweredReviewStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IUnansweredReviewStore CreateStore() => new SqliteUnansweredReviewStore(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}
