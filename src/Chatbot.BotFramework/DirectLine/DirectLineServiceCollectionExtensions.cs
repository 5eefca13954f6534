using Chatbot.BotFramework.DirectLine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Direct Line 3.0 server.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Direct Line server's services and its validated <see cref="DirectLineOptions"/> (section
    /// <c>DirectLine</c>). Also adds, unless already registered: the in-memory transcript store (register your own
    /// <see cref="IDirectLineTranscriptStore"/> to replace it), <see cref="TimeProvider.System"/>, and the background
    /// purge of old conversations. <c>AddBotFramework()</c> registers the default <see cref="IDirectLineBot"/> (the
    /// adapter and bot of <c>/api/messages</c>, in-process); register your own to replace it. Then call
    /// <c>MapDirectLine()</c>.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectLineTranscriptStore, InMemoryDirectLineTranscriptStore>();
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineCors>();
        services.TryAddSingleton<DirectLinePollRateLimiter>();
        services.TryAddSingleton<DirectLineActivityNormalizer>();
        services.TryAddSingleton<DirectLineConversationService>();
        services.TryAddSingleton(sp => new DirectLineProactiveSender(
            sp.GetRequiredService<IDirectLineTranscriptStore>(), sp.GetRequiredService<DirectLineActivityNormalizer>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DirectLineTranscriptPurgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineTranscriptPurgeService>());
        return builder;
    }
}
