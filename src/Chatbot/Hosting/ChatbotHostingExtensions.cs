using Chatbot.Faq.Answering;
using Chatbot.Patients.Booking;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.DirectLine;
using Chatbot.Patients;
using Chatbot.Faq;
using Chatbot.Patients.Handoff;
using Chatbot.Hosting;
using Chatbot.Knowledge;
using Chatbot.Staff.Notifications;
using Chatbot.Patients.Privacy;
using Chatbot.Faq.Safety;
using Chatbot.Staff;
using Chatbot.Staff.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Unanswered;

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
        services.AddOptions<EmbedOptions>().BindConfiguration(EmbedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnswerPolicyOptions>().BindConfiguration(AnswerPolicyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FaqOptions>().BindConfiguration(FaqOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Every store port, from the provider Chatbot:Storage:Provider names (Chatbot.Clinic): SQLite, in-memory or PostgreSQL.
        services.AddClinicStorage();
        services.AddPostgresStorage();

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
        services.AddSingleton<ConversationTurns>();
        services.AddSingleton<TurnRouter>();
        services.AddSingleton<PatientAnswers>();
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClinicClock>();
        services.AddBookingDialog();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<LiveHandoffService>();
        services.AddHostedService<LiveHandoffSweeper>();

        // Teams for staff: tenant allow-list, staff commands and cards, the Teams notification channel (Teams/).
        services.AddTeams();

        // The staff page (/staff): sign-in, FAQ editing, unanswered questions, import/export, publish (Staff/).
        builder.AddStaffPages();
        services.AddSingleton<IBot, ClinicBot>();
        services.AddSingleton<ITurnErrorHandler, ClinicTurnErrorHandler>();
        return builder;
    }
}
