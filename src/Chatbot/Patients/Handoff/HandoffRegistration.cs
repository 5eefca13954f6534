namespace Chatbot.Patients.Handoff;

/// <summary>Registers the hand-off to a person (called from <c>AddPatientTurn</c>).</summary>
internal static class HandoffRegistration
{
    /// <summary>Adds <see cref="HandoffOptions"/>, the hand-off, the live chat with staff and the sweeper that times out requests nobody took.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<LiveHandoffDelivery>();
        services.AddSingleton<LiveHandoffEnding>();
        services.AddSingleton<LiveHandoffService>();
        services.AddHostedService<LiveHandoffSweeper>();
        return services;
    }
}
