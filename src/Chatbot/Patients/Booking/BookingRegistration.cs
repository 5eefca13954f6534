using Chatbot.Patients.Booking.PreferredTimes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatbot.Patients.Booking;

/// <summary>Registers the booking dialog and the fallback for an unavailable store (called from <c>AddChatbot</c>; also used by tests).</summary>
internal static class BookingRegistration
{
    /// <summary>
    /// Adds the <see cref="BookingDialog"/> and its parts (answers, prompts, submission, interruptions, the preferred-time
    /// parser). They need the clinic and booking options, a <see cref="TimeProvider"/>, the booking store, the
    /// <see cref="PendingBookingQueue"/>, the FAQ knowledge, the message decider and <see cref="BotReplies"/>.
    /// </summary>
    public static IServiceCollection AddBookingDialog(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PreferredTimeParser>();
        services.AddSingleton<BookingInterruptions>();
        services.AddSingleton<BookingAnswers>();
        services.AddSingleton<BookingPrompts>();
        services.AddSingleton<BookingSubmission>();
        services.AddSingleton<BookingDialog>();
        return services;
    }

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
