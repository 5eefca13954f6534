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
        services.AddChatbotHosting();                 // Hosting/: HTTPS, forwarded headers, rate limits, embedding, retention
        services.AddClinicStorage();                  // Chatbot.Clinic: every store port, from Chatbot:Storage:Provider
        services.AddPostgresStorage();                // Chatbot.Clinic.Postgres: the same ports on PostgreSQL
        services.AddChatbotDataProtection();          // Hosting/: one key ring for every instance
        services.AddChatbotHealthChecks();            // Health/: /healthz and /readyz
        services.AddFaqKnowledge();                   // Knowledge/: the FAQ, live reload, publishing
        services.AddSafetyGate();                     // Patients/Safety: rules + learned layer, the one decision function
        services.AddPatientTurn();                    // Patients/: the bot, router, answers, booking, hand-off
        services.AddPendingBookingRetry();            // Patients/Booking: requests the store refused, retried
        services.AddStaffNotifications();             // Staff/Notifications: the outbox delivered to Teams / webhook
        services.AddTeams();                          // Staff/Teams: tenant gate, staff commands and cards
        builder.AddStaffPages();                      // Staff/: the staff page (/staff)
        return builder;
    }
}
