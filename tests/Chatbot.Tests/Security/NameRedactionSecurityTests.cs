using Chatbot.Patients;
using Chatbot.Hosting;
using Chatbot.Staff.Notifications;
using Chatbot.Staff.Unanswered;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Tests.Security;

/// <summary>
/// Issue 12, finding 4: a name with no lead-in ("Jordan Avery here, …") and the bare name typed at the booking step
/// stayed in conversation state (30 days), unanswered questions (90 days, shown to staff) and hand-off notifications
/// in the outbox (never purged); abandoned booking drafts and the outbox, review and audit tables had no retention.
/// </summary>
public sealed class NameRedactionSecurityTests
{
    // Neither name is on the redactor's list of common first names: only what the conversation knows can catch them.
    private static readonly string[] Personal = ["Rowan", "Ellery", "Quill", "Tamsin", "4155550177"];

    [Fact]
    public async Task ANameBeforeHereIsNotKeptAnywhere()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("out_of_scope", 0.9f));
        var client = new BotClient(factory.CreateClient(), "sms");
        await client.SayAsync("Tamsin Quill here, do you validate parking?");

        await AssertNothingKeptAsync(factory, client.ConversationId);
    }

    [Fact]
    public async Task TheNameAndContactGivenAtTheBookingStepAreRedactedEverywhereButTheBooking()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("booking/appointment", 0.95f));
        var client = new BotClient(factory.CreateClient(), "sms");
        await client.SayAsync("I'd like to book a consultation");
        await client.SayAsync("Rowan Ellery");
        await client.SayAsync("415 555 0177");

        // Asks for a person mid-booking: staff are notified with the recent messages.
        factory.Predict(("handoff/human", 0.95f));
        await client.SayAsync("actually can Rowan Ellery talk to a person");

        // Later, an unanswered question mentioning the name again.
        factory.Predict(("out_of_scope", 0.9f));
        await client.SayAsync("also, is Ellery spelled right on file? call 415-555-0177");

        await AssertNothingKeptAsync(factory, client.ConversationId);
    }

    [Fact]
    public async Task AnAbandonedBookingDraftIsClearedAfterAFewHours()
    {
        await using var factory = new ScriptedClassifierFactory();
        factory.Predict(("booking/appointment", 0.95f));
        var client = new BotClient(factory.CreateClient(), "sms");
        await client.SayAsync("I'd like to book a consultation");
        await client.SayAsync("Rowan Ellery");
        var key = $"sms/conversations/{client.ConversationId}";
        var states = factory.Services.GetRequiredService<IConversationStateStore>();
        Assert.Contains("\"Booking\":", (await states.ReadAsync(key, CancellationToken.None))!.Json, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromHours(3));
        await RunRetentionOnceAsync(factory);
        Assert.Contains("\"Booking\":", (await states.ReadAsync(key, CancellationToken.None))!.Json, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await RunRetentionOnceAsync(factory);
        var json = (await states.ReadAsync(key, CancellationToken.None))!.Json;
        Assert.DoesNotContain("\"Booking\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Rowan", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOutboxReviewAuditAndFeedbackTablesAreUnderRetention()
    {
        await using var factory = new ScriptedClassifierFactory();
        var now = factory.Clock.GetUtcNow();
        var outbox = factory.Services.GetRequiredService<INotificationOutbox>();
        var reviews = factory.Services.GetRequiredService<IUnansweredReviewStore>();
        var audit = factory.Services.GetRequiredService<IStaffAuditLog>();
        var feedback = factory.Services.GetRequiredService<IAnswerFeedbackStore>();
        await outbox.EnqueueAsync(new StaffNotification("old", StaffNotificationKind.HandoffRequested, now - TimeSpan.FromDays(31), "old", "{}"), CancellationToken.None);
        await outbox.EnqueueAsync(new StaffNotification("new", StaffNotificationKind.HandoffRequested, now - TimeSpan.FromDays(1), "new", "{}"), CancellationToken.None);
        await reviews.MarkAsync(["old wording"], UnansweredReviewAction.Dismissed, null, "alice", now - TimeSpan.FromDays(400), CancellationToken.None);
        await reviews.MarkAsync(["new wording"], UnansweredReviewAction.Dismissed, null, "alice", now - TimeSpan.FromDays(10), CancellationToken.None);
        await audit.AppendAsync(new StaffAuditRecord(0, now - TimeSpan.FromDays(2200), "alice", StaffAuditActions.SignIn, null, null, null, null, null), CancellationToken.None);
        await audit.AppendAsync(new StaffAuditRecord(0, now - TimeSpan.FromDays(100), "alice", StaffAuditActions.SignIn, null, null, null, null, null), CancellationToken.None);
        await feedback.RecordAsync(new AnswerFeedback("old-vote", now - TimeSpan.FromDays(366), "webchat", "faq/cost", "v1", AnswerVote.NotHelpful), CancellationToken.None);
        await feedback.RecordAsync(new AnswerFeedback("new-vote", now - TimeSpan.FromDays(364), "webchat", "faq/cost", "v1", AnswerVote.Helpful), CancellationToken.None);

        await RunRetentionOnceAsync(factory);

        Assert.Equal(["new"], (await outbox.PendingAsync(10, CancellationToken.None)).Select(i => i.Notification.Id));
        Assert.Equal(["new wording"], await reviews.ReviewedKeysAsync(CancellationToken.None));
        Assert.Single(await audit.ListAsync(null, 10, CancellationToken.None));
        var votes = Assert.Single(await feedback.CountAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal((1, 0), (votes.Helpful, votes.NotHelpful)); // only the vote inside the 365 days is left
    }

    private static async Task AssertNothingKeptAsync(ScriptedClassifierFactory factory, string conversationId)
    {
        var services = factory.Services;
        var state = (await services.GetRequiredService<IConversationStateStore>().ReadAsync($"sms/conversations/{conversationId}", CancellationToken.None))!.Json;
        var questions = string.Join("\n", (await services.GetRequiredService<IUnansweredQuestionStore>().ListAsync(DateTimeOffset.MinValue, 100, CancellationToken.None)).Select(q => q.RedactedText));
        var notifications = string.Join("\n", (await services.GetRequiredService<INotificationOutbox>().PendingAsync(100, CancellationToken.None))
            .Where(i => i.Notification.Kind == StaffNotificationKind.HandoffRequested).Select(i => i.Notification.PayloadJson));
        foreach (var value in Personal)
        {
            Assert.False(state.Contains(value, StringComparison.OrdinalIgnoreCase), state);
            Assert.DoesNotContain(value, questions, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, notifications, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task RunRetentionOnceAsync(ScriptedClassifierFactory factory)
    {
        // The first pass runs at start; stopping waits for it.
        using var retention = ActivatorUtilities.CreateInstance<RetentionService>(factory.Services);
        await retention.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        await retention.StopAsync(CancellationToken.None);
    }
}
