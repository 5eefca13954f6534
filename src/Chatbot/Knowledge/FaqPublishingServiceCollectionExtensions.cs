using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Faq;
using Chatbot.Faq.Publishing;
using Chatbot.Knowledge;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the FAQ knowledge: start-up load, live reload through the quality gate, publishing for the staff page.</summary>
public static class FaqPublishingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FaqKnowledgeProvider"/>, the start-up <see cref="FaqKnowledgeLoader"/>, the <see cref="FaqPublisher"/>,
    /// and <see cref="IFaqPublishing"/> (the watcher and publish queue), configured by <c>Chatbot:Publishing</c>.
    /// Binds <see cref="FaqOptions"/> (<c>Chatbot:Faq</c>); needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddFaqKnowledge(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FaqOptions>().BindConfiguration(FaqOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IVersionStoreFileSystem>(PhysicalVersionStoreFileSystem.Instance);
        services.AddSingleton(sp => FaqFolders.Resolve(
            sp.GetRequiredService<IOptions<FaqOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => new FaqPublisher(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<PublishingOptions>>().Value.ToPublisherOptions(),
            fileSystem: sp.GetRequiredService<IVersionStoreFileSystem>(),
            // The staff tests of the publish gate go through the bot's own decision function; they do not wait for
            // the safety gate's learned layer while it loads (rules only until then).
            decider: new MessageDecider(
                sp.GetRequiredService<SafetyGate>().WithModelWait(TimeSpan.Zero),
                sp.GetRequiredService<AnswerPolicy>())));
        services.AddSingleton<FaqKnowledgeProvider>();
        services.AddSingleton<FaqPublishingService>();
        services.AddSingleton<IFaqPublishing>(sp => sp.GetRequiredService<FaqPublishingService>());
        services.AddSingleton<FaqKnowledgeLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<FaqKnowledgeLoader>());
        services.AddHostedService(sp => sp.GetRequiredService<FaqPublishingService>());
        return services;
    }
}
