using Chatbot.BotFramework.DirectLine;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.DataProtection;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Teams;
using Chatbot.Clinic.Unanswered;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the clinic's stores: every port, and the one switch that picks a provider's implementations.</summary>
public static class ClinicStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds every store port, resolved from the provider named by <c>Chatbot:Storage:Provider</c>, with the SQLite
    /// (default) and in-memory providers. Another provider registers its implementations with
    /// <see cref="AddStorageProvider"/> under its own <see cref="StorageProvider"/> value.
    /// </summary>
    public static IServiceCollection AddClinicStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageProviderValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => SqliteDatabase.FromOptions(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddStorageProvider(StorageProvider.Sqlite, sqlite => sqlite
            .Add<IConversationStateStore, SqliteConversationStateStore>()
            .Add<IDirectLineTranscriptStore, SqliteDirectLineTranscriptStore>()
            .Add<IBookingStore, SqliteBookingStore>()
            .Add<INotificationOutbox, SqliteNotificationOutbox>()
            .Add<IHandoffIndex, SqliteHandoffIndex>()
            .Add<ILiveHandoffStore, SqliteLiveHandoffStore>()
            .Add<ITeamsConversationStore, SqliteTeamsConversationStore>()
            .Add<IUnansweredQuestionStore, SqliteUnansweredQuestionStore>()
            .Add<IUnansweredReviewStore, SqliteUnansweredReviewStore>()
            .Add<IStaffAccountStore, SqliteStaffAccountStore>()
            .Add<IStaffAuditLog, SqliteStaffAuditLog>()
            .Add<IDataProtectionKeyStore, SqliteDataProtectionKeyStore>()
            .Add<IStaffSessionStore, SqliteStaffSessionStore>()
            .Add<IAnswerFeedbackStore, SqliteAnswerFeedbackStore>());
        services.AddStorageProvider(StorageProvider.InMemory, memory => memory
            .Add<IConversationStateStore, InMemoryConversationStateStore>()
            .Add<IDirectLineTranscriptStore, InMemoryDirectLineTranscriptStore>()
            .Add<IBookingStore, InMemoryBookingStore>()
            .Add<INotificationOutbox, InMemoryNotificationOutbox>()
            .Add<IHandoffIndex, InMemoryHandoffIndex>()
            .Add<ILiveHandoffStore, InMemoryLiveHandoffStore>()
            .Add<ITeamsConversationStore, InMemoryTeamsConversationStore>()
            .Add<IUnansweredQuestionStore, InMemoryUnansweredQuestionStore>()
            .Add<IUnansweredReviewStore, InMemoryUnansweredReviewStore>()
            .Add<IStaffAccountStore, InMemoryStaffAccountStore>()
            .Add<IStaffAuditLog, InMemoryStaffAuditLog>()
            .Add<IDataProtectionKeyStore, InMemoryDataProtectionKeyStore>()
            .Add<IStaffSessionStore, InMemoryStaffSessionStore>()
            .Add<IAnswerFeedbackStore, InMemoryAnswerFeedbackStore>());

        // The one switch: each port is the configured provider's implementation.
        foreach (var port in StorageProviderBuilder.Ports)
        {
            services.RemoveAll(port);
            services.AddSingleton(port, sp => sp.GetRequiredKeyedService(port, sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider));
        }

        return services;
    }

    /// <summary>Registers a provider's implementations of the store ports, keyed by <paramref name="provider"/>.</summary>
    public static IServiceCollection AddStorageProvider(this IServiceCollection services, StorageProvider provider, Action<StorageProviderBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new StorageProviderBuilder(services, provider);
        configure(builder);
        services.AddSingleton(new RegisteredStorageProvider(provider, builder.Registered));
        return services;
    }
}
