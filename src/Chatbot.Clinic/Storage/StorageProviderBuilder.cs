using Chatbot.BotFramework.DirectLine;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.DataProtection;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Teams;
using Chatbot.Clinic.Unanswered;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Clinic.Storage;

/// <summary>Collects one provider's implementations of the store ports (see <c>AddStorageProvider</c>).</summary>
public sealed class StorageProviderBuilder
{
    /// <summary>Every store port; a provider implements all of them.</summary>
    public static IReadOnlyList<Type> Ports { get; } =
    [
        typeof(IConversationStateStore), typeof(IDirectLineTranscriptStore), typeof(IBookingStore),
        typeof(INotificationOutbox), typeof(IHandoffIndex), typeof(ITeamsConversationStore),
        typeof(IUnansweredQuestionStore), typeof(IUnansweredReviewStore), typeof(IStaffAccountStore), typeof(IStaffAuditLog),
        typeof(ILiveHandoffStore),
        typeof(IDataProtectionKeyStore), typeof(IStaffSessionStore), typeof(IAnswerFeedbackStore),
    ];

    private readonly IServiceCollection _services;
    private readonly StorageProvider _provider;
    private readonly List<Type> _registered = [];

    internal StorageProviderBuilder(IServiceCollection services, StorageProvider provider)
    {
        _services = services;
        _provider = provider;
    }

    internal IReadOnlyList<Type> Registered => _registered;

    /// <summary>Registers <typeparamref name="TImplementation"/> as this provider's <typeparamref name="TPort"/> (one instance per app).</summary>
    public StorageProviderBuilder Add<TPort, TImplementation>()
        where TPort : class
        where TImplementation : class, TPort
    {
        _services.AddKeyedSingleton<TPort>(_provider, (sp, _) => ActivatorUtilities.CreateInstance<TImplementation>(sp));
        _registered.Add(typeof(TPort));
        return this;
    }
}

/// <summary>A provider registered with <c>AddStorageProvider</c>, and the ports it implements.</summary>
public sealed record RegisteredStorageProvider(StorageProvider Provider, IReadOnlyList<Type> Ports);
