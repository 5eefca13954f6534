using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatbot.Patients.Booking;

/// <summary>Registers the booking fallback for an unavailable store (called from <c>AddChatbot</c>; also used by tests).</summary>
internal static class BookingRegistration
{
    /// <summary>Adds the <see cref="PendingBookingQueue"/> and its <see cref="PendingBookingRetryService"/> (a hosted service).</summary>
    public static IServiceCollection AddPendingBookingRetry(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PendingBookingQueue>();
        services.AddSingleton<PendingBookingRetryService>();
        services.AddHostedService(sp => sp.GetRequiredService<PendingBookingRetryService>());
        return services;
    }
}
