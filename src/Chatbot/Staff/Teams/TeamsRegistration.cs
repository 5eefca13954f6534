using Chatbot.Staff.Feedback;
using Chatbot.Staff.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Teams;

namespace Chatbot.Staff.Teams;

/// <summary>Registers the Teams features (called from <c>AddChatbot</c>).</summary>
internal static class TeamsRegistration
{
    /// <summary>
    /// Adds <see cref="TeamsOptions"/>, the staff commands and card actions, the Teams notification channel, and the start-up check.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TeamsConversationRecorder>();
        services.AddSingleton<BookingCards>();
        services.AddSingleton<HandoffCards>();
        services.AddSingleton<InsightCards>();
        services.TryAddSingleton<StaffFeedback>();
        services.AddSingleton<StaffViews>();
        services.AddSingleton<LiveHandoffStaffRelay>();
        services.AddSingleton<StaffCommands>();
        services.AddSingleton<Chatbot.BotFramework.Builder.IMiddleware, TeamsMiddleware>();
        services.AddSingleton<StaffCardActions>();
        services.AddSingleton<StaffNotificationCards>();
        services.AddSingleton<TeamsNotificationChannel>();
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<TeamsNotificationChannel>());
        services.AddSingleton<TeamsConfigurationCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsConfigurationCheck>());
        return services;
    }
}
