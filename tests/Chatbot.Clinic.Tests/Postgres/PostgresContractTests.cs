using Chatbot.BotFramework.DirectLine;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.DataProtection;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.Postgres;
using Chatbot.Clinic.Teams;
using Chatbot.Clinic.Tests.Bookings;
using Chatbot.Clinic.Tests.Conversations;
using Chatbot.Clinic.Tests.DataProtection;
using Chatbot.Clinic.Tests.Feedback;
using Chatbot.Clinic.Tests.Handoffs;
using Chatbot.Clinic.Tests.Notifications;
using Chatbot.Clinic.Tests.Staff;
using Chatbot.Clinic.Tests.Teams;
using Chatbot.Clinic.Tests.Unanswered;
using Chatbot.Clinic.Unanswered;
using Chatbot.Testing;

namespace Chatbot.Clinic.Tests.Postgres;

// Every store port's contract suite against a real PostgreSQL server (CHATBOT_TEST_POSTGRES), each test in a schema of
// its own. Skipped, not failed, when the variable is unset.

[RequiresPostgres]
public sealed class PostgresConversationStateStoreTests : ConversationStateStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IConversationStateStore CreateStore() => new PostgresConversationStateStore(_schema.Database, Clock);

    [ProviderFact]
    public async Task OnlyOneOfTwoInstancesCreatingTheSameStateWins()
    {
        var stores = new[] { CreateStore(), new PostgresConversationStateStore(_schema.NewInstance(), Clock) };
        await stores[0].ReadAsync("warm-up", CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await stores[i % 2].WriteAsync("conv-race", $$"""{"writer":{{i}}}""", null, CancellationToken.None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(r => r));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresDirectLineTranscriptStoreTests : DirectLineTranscriptStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override Task<IDirectLineTranscriptStore> CreateStoreAsync() =>
        Task.FromResult<IDirectLineTranscriptStore>(new PostgresDirectLineTranscriptStore(_schema.Database));

    [ProviderFact]
    public async Task TwoInstancesAppendingToOneConversationShareOneSequence()
    {
        var first = new PostgresDirectLineTranscriptStore(_schema.Database);
        var second = new PostgresDirectLineTranscriptStore(_schema.NewInstance());
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await first.TryCreateConversationAsync("shared", at, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).AppendAsync("shared", [new BotFramework.Schema.Activity { Type = "message", Text = $"{i}" }], at, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), results.SelectMany(r => r).Order());
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), (await second.ReadAsync("shared", 0, 100, CancellationToken.None)).Select(e => e.Sequence));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresBookingStoreTests : BookingStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override (IBookingStore Store, INotificationOutbox Outbox) Create() =>
        (new PostgresBookingStore(_schema.Database), new PostgresNotificationOutbox(_schema.Database));

    [ProviderFact]
    public async Task ARequestWhoseNotificationCannotBeQueuedIsNotStoredEither()
    {
        var (store, outbox) = Create();
        var first = TestBookings.Request("PSI-ATOM01", Now);
        await store.AddAsync(first, TestBookings.Notification(first, id: "same-id"), CancellationToken.None);
        var second = TestBookings.Request("PSI-ATOM02", Now.AddMinutes(1));

        // The outbox insert (last statement of the transaction) fails on the duplicate id.
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => store.AddAsync(second, TestBookings.Notification(second, id: "same-id"), CancellationToken.None));

        Assert.Null(await store.GetAsync("PSI-ATOM02", CancellationToken.None));
        Assert.Empty(await store.HistoryAsync("PSI-ATOM02", CancellationToken.None));
        Assert.Single(await outbox.PendingAsync(10, CancellationToken.None));
    }

    [ProviderFact]
    public async Task ARequestIsVisibleToAnotherInstanceAsSoonAsAddReturns()
    {
        var (store, _) = Create();
        var request = TestBookings.Request("PSI-SHARE1", Now);
        await store.AddAsync(request, TestBookings.Notification(request), CancellationToken.None);

        var other = _schema.NewInstance();
        Assert.Equal(request, await new PostgresBookingStore(other).GetAsync("PSI-SHARE1", CancellationToken.None));
        Assert.Single(await new PostgresNotificationOutbox(other).PendingAsync(10, CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresNotificationOutboxTests : NotificationOutboxContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override INotificationOutbox CreateOutbox() => new PostgresNotificationOutbox(_schema.Database);

    /// <summary>A second instance: its own connection pool on the same tables.</summary>
    protected override INotificationOutbox OtherInstance(INotificationOutbox outbox) => new PostgresNotificationOutbox(_schema.NewInstance());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresHandoffIndexTests : HandoffIndexContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IHandoffIndex CreateHandoffs() => new PostgresHandoffIndex(_schema.Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresTeamsConversationStoreTests : TeamsConversationStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override ITeamsConversationStore CreateConversations() => new PostgresTeamsConversationStore(_schema.Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresUnansweredQuestionStoreTests : UnansweredQuestionStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IUnansweredQuestionStore CreateStore() => new PostgresUnansweredQuestionStore(_schema.Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresUnansweredReviewStoreTests : UnansweredReviewStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IUnansweredReviewStore CreateStore() => new PostgresUnansweredReviewStore(_schema.Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresStaffAccountStoreTests : StaffAccountStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IStaffAccountStore CreateStore() => new PostgresStaffAccountStore(_schema.Database);

    [ProviderFact]
    public async Task FailuresOnTwoInstancesAtOnceAllCount()
    {
        var first = CreateStore();
        var second = new PostgresStaffAccountStore(_schema.NewInstance());
        var now = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        await first.CreateAsync(new StaffAccount("sam", "hash", 0, null, now, null), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).RecordFailureAsync("sam", 100, now.AddMinutes(15), CancellationToken.None))));

        Assert.Equal(8, (await second.FindAsync("SAM", CancellationToken.None))!.FailedSignIns);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresStaffAuditLogTests : StaffAuditLogContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IStaffAuditLog CreateLog() => new PostgresStaffAuditLog(_schema.Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresLiveHandoffStoreTests : LiveHandoffStoreContractTests, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
    private readonly PostgresTestSchema _schema = new();

    protected override ILiveHandoffStore CreateStore() => new PostgresLiveHandoffStore(_schema.Database);

    [ProviderFact]
    public async Task StaffOnTwoInstancesTakingAtOnceExactlyOneGetsTheHandOff()
    {
        var stores = new[] { CreateStore(), new PostgresLiveHandoffStore(_schema.NewInstance()) };
        await stores[0].CreateAsync(Handoff("H-RACE01", "k/race"), CancellationToken.None);

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            stores[i % 2].TryTakeAsync("H-RACE01", $"staff {i}", LiveHandoffSeat.StaffPage, At.AddMinutes(1), CancellationToken.None))));

        var winner = Assert.Single(taken, t => t is not null);
        Assert.Equal(winner, await stores[1].GetAsync("h-race01", CancellationToken.None));
    }

    [ProviderFact]
    public async Task TwoInstancesHandingOffTheSameConversationAtOnceLeaveOneOpenAndEndTheOther()
    {
        var stores = new[] { CreateStore(), new PostgresLiveHandoffStore(_schema.NewInstance()) };
        await stores[0].ListOpenAsync(1, CancellationToken.None); // migrates

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            stores[i % 2].CreateAsync(Handoff($"H-SAME0{i}", "k/same"), CancellationToken.None))));

        var open = Assert.Single(await stores[1].ListOpenAsync(10, CancellationToken.None));
        Assert.Equal(open, await stores[0].FindOpenAsync("k/same", CancellationToken.None));
        foreach (var reference in Enumerable.Range(0, 6).Select(i => $"H-SAME0{i}").Where(r => r != open.Reference))
        {
            Assert.Equal((LiveHandoffStatus.Ended, "replaced"), ((await stores[0].GetAsync(reference, CancellationToken.None))!.Status, (await stores[0].GetAsync(reference, CancellationToken.None))!.EndedBy));
        }
    }

    [ProviderFact]
    public async Task MessagesWrittenOnTwoInstancesWhileOneEndsTheChatLeaveNoneBehind()
    {
        var stores = new[] { CreateStore(), new PostgresLiveHandoffStore(_schema.NewInstance()) };
        await stores[0].CreateAsync(Handoff("H-MSG001", "k/msg"), CancellationToken.None);

        var writes = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            stores[i % 2].AddMessageAsync("H-MSG001", LiveHandoffSender.Patient, string.Empty, $"message {i}", At, CancellationToken.None))).ToList();
        var end = Task.Run(() => stores[1].TryEndAsync("H-MSG001", "patient", At.AddMinutes(1), CancellationToken.None));
        await Task.WhenAll(writes.Cast<Task>().Append(end));

        Assert.NotNull(await end);
        Assert.Empty(await stores[0].ReadMessagesAsync("H-MSG001", 0, 100, CancellationToken.None));
        await using var connection = await _schema.NewDataSource().OpenConnectionAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM live_handoff_message", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [ProviderFact]
    public async Task MessagesOfOneHandOffFromTwoInstancesShareOneNumberingAndAreAllRead()
    {
        var stores = new[] { CreateStore(), new PostgresLiveHandoffStore(_schema.NewInstance()) };
        await stores[0].CreateAsync(Handoff("H-SEQ001", "k/seq"), CancellationToken.None);

        var sequences = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            stores[i % 2].AddMessageAsync("H-SEQ001", i % 2 == 0 ? LiveHandoffSender.Patient : LiveHandoffSender.Staff, "Dana", $"message {i}", At, CancellationToken.None))));

        var read = await stores[1].ReadMessagesAsync("H-SEQ001", 0, 100, CancellationToken.None);
        Assert.Equal(sequences.Select(s => s!.Value).Order(), read.Select(m => m.Sequence));
        Assert.Equal(20, read.Select(m => m.Text).Distinct().Count());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();

    private static LiveHandoff Handoff(string reference, string stateKey) =>
        new(reference, stateKey, "webchat", stateKey.Split('/')[^1], string.Empty, "dl_user", HandoffReason.Requested, At, At.AddMinutes(5));
}

[RequiresPostgres]
public sealed class PostgresDataProtectionKeyStoreTests : DataProtectionKeyStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IDataProtectionKeyStore CreateStore() => new PostgresDataProtectionKeyStore(_schema.Database);

    [ProviderFact]
    public async Task AKeyAddedByOneInstanceIsListedByAnother()
    {
        await new PostgresDataProtectionKeyStore(_schema.Database).AddAsync("key-1", "<key id=\"1\" />", DateTimeOffset.UnixEpoch, default);
        Assert.Single(await new PostgresDataProtectionKeyStore(_schema.NewInstance()).ListAsync(default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresStaffSessionStoreTests : StaffSessionStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IStaffSessionStore CreateStore() => new PostgresStaffSessionStore(_schema.Database);

    [ProviderFact]
    public async Task ASessionCreatedByOneInstanceIsReadAndEndedByAnother()
    {
        await new PostgresStaffSessionStore(_schema.Database).CreateAsync("k1", Ticket, T0.AddHours(1), default);
        var other = new PostgresStaffSessionStore(_schema.NewInstance());
        Assert.Equal(Ticket, await other.GetAsync("k1", T0, default));
        await other.RemoveAsync("k1", default);
        Assert.Null(await new PostgresStaffSessionStore(_schema.Database).GetAsync("k1", T0, default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

[RequiresPostgres]
public sealed class PostgresAnswerFeedbackStoreTests : AnswerFeedbackStoreContractTests, IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    protected override IAnswerFeedbackStore CreateStore() => new PostgresAnswerFeedbackStore(_schema.Database);

    [ProviderFact]
    public async Task VotesRecordedOnTwoInstancesAreCountedTogetherAndAChangedMindOnEitherIsNotDoubleCounted()
    {
        var stores = new[] { CreateStore(), new PostgresAnswerFeedbackStore(_schema.NewInstance()) };
        var at = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            stores[i % 2].RecordAsync(new AnswerFeedback($"vote-{i}", at, "webchat", "faq/cost", "v1", AnswerVote.Helpful), CancellationToken.None))));
        await stores[1].RecordAsync(new AnswerFeedback("vote-0", at, "webchat", "faq/cost", "v1", AnswerVote.NotHelpful), CancellationToken.None);

        var count = Assert.Single(await stores[0].CountAsync(at, CancellationToken.None));
        Assert.Equal((9, 1), (count.Helpful, count.NotHelpful));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
