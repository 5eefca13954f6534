using Chatbot.Faq.Answering;
using Chatbot.Booking;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.DirectLine;
using Chatbot.Conversation;
using Chatbot.Faq;
using Chatbot.Handoff;
using Chatbot.Hosting;
using Chatbot.Knowledge;
using Chatbot.Notifications;
using Chatbot.Privacy;
using Chatbot.Faq.Safety;
using Chatbot.Staff;
using Chatbot.Storage;
using Chatbot.Teams;
using Chatbot.Unanswered;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Composition of the clinic bot host.</summary>
public static class ChatbotHostingExtensions
{
    /// <summary>
    /// Adds the clinic bot: the protocol layer and Direct Line server, storage (SQLite by default), the FAQ knowledge
    /// (loaded or trained in the background), the safety gate, the answer policy and the bot itself.
    /// </summary>
    public static IHostApplicationBuilder AddChatbot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBotFramework();
        builder.AddDirectLine();

        // Metrics, the turn span and OpenTelemetry (exported only when OTEL_* asks for it) (Telemetry/).
        builder.AddChatbotTelemetry();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, HttpsDeploymentValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));
        services.AddChatbotRateLimiting();
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnswerPolicyOptions>().BindConfiguration(AnswerPolicyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FaqOptions>().BindConfiguration(FaqOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        AddStorage(services);

        // --- Staff notifications and the booking fallback (Notifications/, Booking/) ---
        // Delivers the outbox to the configured channels (Chatbot:Notifications), and keeps booking requests the
        // store refused in memory, retrying until they are saved.
        services.AddStaffNotifications();
        services.AddPendingBookingRetry();
        // --- end staff notifications and booking fallback ---

        // The FAQ: start-up load, live reload through the quality gate, publishing for the staff page (Knowledge/).
        services.AddFaqKnowledge();
        services.AddHostedService<RetentionService>();

        // /healthz and /readyz: the database, the models and the notification outbox's backlog (Health/).
        services.AddChatbotHealthChecks();

        // The safety gate (rules + learned layer) and the one function from a message to a decision (Safety/).
        services.AddSafetyGate();
        services.AddSingleton<PersonalDataRedactor>();
        // One key ring for every instance: staff cookies and the encrypted names in conversation state (Hosting/).
        services.AddChatbotDataProtection();
        services.AddSingleton<ConversationPrivacy>();
        services.AddSingleton<BotReplies>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<ConversationStateAccessor>();
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClinicClock>();
        services.AddSingleton<PreferredTimeParser>();
        services.AddSingleton<BookingInterruptions>();
        services.AddSingleton<BookingDialog>();
        services.AddSingleton<HandoffService>();

        // Teams for staff: tenant allow-list, staff commands and cards, the Teams notification channel (Teams/).
        services.AddTeams();

        // The staff page (/staff): sign-in, FAQ editing, unanswered questions, import/export, publish (Staff/).
        builder.AddStaffPages();
        services.AddSingleton<IBot, ClinicBot>();
        services.AddSingleton<ITurnErrorHandler, ClinicTurnErrorHandler>();
        services.AddSingleton<IDirectLineBot, DirectLineBotBridge>();
        return builder;
    }

    private static void AddStorage(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var path = Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(environment.ContentRootPath, options.SqlitePath);
            return new SqliteDatabase(path);
        });
        services.AddSingleton<IConversationStateStore>(sp => Provider(sp) == StorageProvider.InMemory
            ? ActivatorUtilities.CreateInstance<InMemoryConversationStateStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteConversationStateStore>(sp));
        services.AddSingleton<IUnansweredQuestionStore>(sp => Provider(sp) == StorageProvider.InMemory
            ? new InMemoryUnansweredQuestionStore()
            : ActivatorUtilities.CreateInstance<SqliteUnansweredQuestionStore>(sp));
        services.AddSingleton<INotificationOutbox>(sp => Provider(sp) == StorageProvider.InMemory
            ? new InMemoryNotificationOutbox()
            : ActivatorUtilities.CreateInstance<SqliteNotificationOutbox>(sp));
        services.AddSingleton<IHandoffIndex>(sp => Provider(sp) == StorageProvider.InMemory
            ? new InMemoryHandoffIndex()
            : ActivatorUtilities.CreateInstance<SqliteHandoffIndex>(sp));
        services.AddSingleton<IBookingStore>(sp => Provider(sp) == StorageProvider.InMemory
            ? ActivatorUtilities.CreateInstance<InMemoryBookingStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteBookingStore>(sp));
        services.Replace(ServiceDescriptor.Singleton<IDirectLineTranscriptStore>(sp => Provider(sp) == StorageProvider.InMemory
            ? ActivatorUtilities.CreateInstance<InMemoryDirectLineTranscriptStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteDirectLineTranscriptStore>(sp)));
    }

    private static StorageProvider Provider(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
