using Chatbot.BotFramework.DirectLine;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.DataProtection;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Storage.Postgres;
using Chatbot.Clinic.Teams;
using Chatbot.Clinic.Unanswered;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL storage provider.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the PostgreSQL implementation of every store port under <see cref="StorageProvider.Postgres"/> (picked when
    /// <c>Chatbot:Storage:Provider</c> is <c>Postgres</c>; call after <c>AddClinicStorage()</c>), the
    /// <see cref="NpgsqlDataSource"/> built from <c>ConnectionStrings:Chatbot</c> (checked at start: required and
    /// parseable with that provider), and the start-up step that applies the schema migrations.
    /// Nothing connects to a server unless the provider is selected.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, PostgresConnectionValidator>());
        services.TryAddSingleton(sp => PostgresConnection.CreateDataSource(sp.GetRequiredService<IConfiguration>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresMigrationService>());
        services.AddStorageProvider(StorageProvider.Postgres, postgres => postgres
            .Add<IConversationStateStore, PostgresConversationStateStore>()
            .Add<IDirectLineTranscriptStore, PostgresDirectLineTranscriptStore>()
            .Add<IBookingStore, PostgresBookingStore>()
            .Add<INotificationOutbox, PostgresNotificationOutbox>()
            .Add<IHandoffIndex, PostgresHandoffIndex>()
            .Add<ITeamsConversationStore, PostgresTeamsConversationStore>()
            .Add<IUnansweredQuestionStore, PostgresUnansweredQuestionStore>()
            .Add<IUnansweredReviewStore, PostgresUnansweredReviewStore>()
            .Add<IStaffAccountStore, PostgresStaffAccountStore>()
            .Add<IStaffAuditLog, PostgresStaffAuditLog>()
            .Add<ILiveHandoffStore, PostgresLiveHandoffStore>()
            .Add<IDataProtectionKeyStore, PostgresDataProtectionKeyStore>()
            .Add<IStaffSessionStore, PostgresStaffSessionStore>()
            .Add<IAnswerFeedbackStore, PostgresAnswerFeedbackStore>());
        return services;
    }
}
