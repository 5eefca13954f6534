using Chatbot.Telemetry;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Faq.Answering;
using Chatbot.Knowledge;
using Chatbot.Patients;
using Chatbot.Patients.Booking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Infrastructure;

/// <summary>
/// Drives the real <see cref="BookingDialog"/> without a web host (the Bot Framework's <c>DialogTestClient</c>): the
/// dialog and what it needs come from a <see cref="ServiceCollection"/> (in-memory booking store, a
/// <see cref="FakeTimeProvider"/> at Tuesday 24 November 2026, 10:00 in Chicago, the phrase-rule safety gate, default
/// options), one <see cref="ConversationState"/> is kept across turns, and each message runs through a real
/// <see cref="TurnContext"/> over a small recording adapter. The first message begins the dialog, as the router
/// does for a booking intent; later ones continue it while it is active.
/// </summary>
/// <remarks>
/// Lives in Chatbot.Tests rather than Chatbot.Testing: it needs the host's types, and the shared testing library is
/// referenced by test projects that must not depend on the host.
/// </remarks>
public sealed class DialogTestClient : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly RecordingAdapter _adapter = new();
    private readonly string _conversationId = "conv-" + Guid.NewGuid().ToString("N");
    private int _sequence;

    /// <param name="channelId">"sms" stands for a channel without cards (the text path); "webchat" gets the card.</param>
    /// <param name="knowledge">The FAQ the dialog's question interruptions answer from; none by default.</param>
    public DialogTestClient(string channelId = "sms", FaqKnowledge? knowledge = null)
    {
        ChannelId = channelId;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddMetrics();
        services.AddSingleton<ChatbotMetrics>();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddOptions<ClinicOptions>();
        services.AddOptions<BookingOptions>();
        services.AddSingleton<INotificationOutbox, InMemoryNotificationOutbox>();
        services.AddSingleton<IBookingStore, InMemoryBookingStore>();
        services.AddSingleton<PendingBookingQueue>();
        var knowledgeProvider = new FaqKnowledgeProvider();
        if (knowledge is not null)
        {
            knowledgeProvider.Publish(knowledge);
        }

        services.AddSingleton(knowledgeProvider);
        services.AddSingleton(_ => MessageDecider.WithRulesOnly());
        services.AddSingleton<BotReplies>();
        services.AddBookingDialog();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The dialog's clock: Tuesday 24 November 2026, 10:00 in Chicago (clinic open).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));

    public string ChannelId { get; }

    /// <summary>The conversation's state between turns.</summary>
    public ConversationState State { get; } = new();

    /// <summary>How the last turn ended.</summary>
    public BookingTurnOutcome? LastOutcome { get; private set; }

    public IBookingStore Bookings => _services.GetRequiredService<IBookingStore>();

    public INotificationOutbox Outbox => _services.GetRequiredService<INotificationOutbox>();

    /// <summary>Sends typed text; returns the bot's replies of this turn.</summary>
    public Task<IReadOnlyList<Activity>> SayAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Sends a card submit (the card's inputs and its <c>action</c> in <c>value</c>); returns the bot's replies.</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(JObject value) => SendAsync(new Activity { Type = ActivityTypes.Message, Value = value });

    /// <summary>Runs one turn of the dialog with <paramref name="activity"/>; returns the bot's replies of this turn.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.Id ??= $"act-{Interlocked.Increment(ref _sequence)}";
        activity.ChannelId ??= ChannelId;
        activity.ServiceUrl ??= "http://127.0.0.1:9/";
        activity.From ??= new ChannelAccount { Id = "user-1", Name = "Patient" };
        activity.Recipient ??= new ChannelAccount { Id = "bot", Name = "Clinic Assistant" };
        activity.Conversation ??= new ConversationAccount { Id = _conversationId };
        var turn = new TurnContext(_adapter, activity);
        var dialog = _services.GetRequiredService<BookingDialog>();
        var text = MessageText.Of(activity);
        var before = _adapter.Sent.Count;
        LastOutcome = State.ActiveDialog == BookingDialog.DialogId
            ? await dialog.ContinueAsync(turn, State, text, CancellationToken.None)
            : await dialog.BeginAsync(turn, State, text, CancellationToken.None);
        return _adapter.Sent.Skip(before).ToList();
    }

    public void Dispose() => _services.Dispose();

    /// <summary>An adapter that records what the bot sends, in order, instead of delivering it.</summary>
    private sealed class RecordingAdapter : BotAdapter
    {
        public List<Activity> Sent { get; } = [];

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            Sent.AddRange(activities);
            return Task.FromResult(activities.Select(a => new ResourceResponse(a.Id ?? Guid.NewGuid().ToString("N"))).ToArray());
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
