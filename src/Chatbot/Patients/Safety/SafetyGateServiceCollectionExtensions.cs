using Chatbot.Faq.Answering;
using Chatbot.Faq.Safety;
using Chatbot.Patients.Safety;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the safety gate and the one message-to-decision function (Safety/).</summary>
public static class SafetyGateServiceCollectionExtensions
{
    /// <summary>
    /// Adds the safety gate (phrase rules + the learned layer, loaded or trained in the background at start-up), the
    /// answer policy and <see cref="MessageDecider"/>.
    /// </summary>
    public static IServiceCollection AddSafetyGate(this IServiceCollection services)
    {
        services.AddSingleton<SafetyRules>();
        services.AddSingleton<SafetyModelHolder>();
        services.AddSingleton<SafetyGate>();
        services.AddSingleton<AnswerPolicy>();
        services.AddSingleton<MessageDecider>();
        services.AddHostedService<SafetyModelLoader>();
        return services;
    }
}
