using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Connector;
using Chatbot.BotFramework.Integration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Bot Framework protocol layer (Chatbot.BotFramework).</summary>
public static class BotFrameworkHostApplicationBuilderExtensions
{
    /// <summary>Configuration section of the Connector client's resilience pipeline (<c>HttpStandardResilienceOptions</c>).</summary>
    public const string ConnectorResilienceSectionName = "BotFramework:ConnectorResilience";

    /// <summary>Configuration section of the token client's resilience pipeline (<c>HttpStandardResilienceOptions</c>).</summary>
    public const string LoginResilienceSectionName = "BotFramework:LoginResilience";

    /// <summary>
    /// Adds the Bot Framework protocol layer: validated options (<see cref="BotFrameworkAuthenticationOptions"/> from the
    /// root keys <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c>
    /// and the <c>BotFramework</c> section; <see cref="BotFrameworkAdapterOptions"/> from <c>BotFramework</c>), the
    /// <see cref="ChannelAuthenticator"/>, the <see cref="BotCredentialsTokenProvider"/>, the typed
    /// <see cref="ConnectorClient"/> with the standard resilience handler, the <see cref="ActivityReader"/>, the
    /// <see cref="CloudAdapter"/> (also as <see cref="BotAdapter"/>), and <see cref="TimeProvider.System"/> if no
    /// <see cref="TimeProvider"/> is registered.
    /// </summary>
    /// <remarks>
    /// The host registers its <see cref="IBot"/> and, optionally, an <see cref="ITurnErrorHandler"/> and
    /// <see cref="Chatbot.BotFramework.Builder.IMiddleware"/>s (singletons, run in registration order), then maps the
    /// endpoint with <c>app.MapBotMessages()</c>. The resilience pipelines can be tuned under
    /// <see cref="ConnectorResilienceSectionName"/> and <see cref="LoginResilienceSectionName"/>.
    /// </remarks>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Chatbot.BotFramework.DirectLine.IDirectLineBot, CloudAdapterDirectLineBot>();

        services.AddOptions<BotFrameworkAuthenticationOptions>()
            .BindConfiguration(BotFrameworkAuthenticationOptions.SectionName)
            .Configure<IConfiguration>(BindRootIdentity)
            .Configure(options => options.EnvironmentName = builder.Environment.EnvironmentName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>());
        services.AddOptions<BotFrameworkAdapterOptions>()
            .BindConfiguration(BotFrameworkAdapterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Metadata is fetched rarely by long-lived ConfigurationManagers that keep their HttpClient: rotate connections instead of handlers.
        services.AddHttpClient(ChannelAuthenticator.MetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        var login = services.AddHttpClient(BotCredentialsTokenProvider.HttpClientName).AddStandardResilienceHandler();
        ConfigureFrom(login, builder.Configuration.GetSection(LoginResilienceSectionName));

        // One pipeline (and circuit breaker) per channel host, so a failing channel does not trip the others.
        var connector = services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName).AddStandardResilienceHandler();
        connector.SelectPipelineByAuthority();
        ConfigureFrom(connector, builder.Configuration.GetSection(ConnectorResilienceSectionName));

        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<ChannelAuthenticator>();
        services.TryAddSingleton<BotCredentialsTokenProvider>();
        services.TryAddSingleton<ActivityReader>();
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<BotAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        return builder;
    }

    private static void ConfigureFrom(IHttpStandardResiliencePipelineBuilder pipeline, IConfigurationSection section)
    {
        if (section.Exists())
        {
            pipeline.Configure(section);
        }
    }

    // The identity keys keep their Bot Framework names at the root of configuration (App Service settings, SDK samples).
    private static void BindRootIdentity(BotFrameworkAuthenticationOptions options, IConfiguration configuration)
    {
        options.MicrosoftAppId = configuration["MicrosoftAppId"] ?? options.MicrosoftAppId;
        options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"] ?? options.MicrosoftAppPassword;
        options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"] ?? options.MicrosoftAppTenantId;
        var appType = configuration["MicrosoftAppType"];
        if (string.IsNullOrWhiteSpace(appType))
        {
            return;
        }

        if (Enum.TryParse<MicrosoftAppType>(appType, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            options.MicrosoftAppType = parsed;
        }
        else
        {
            options.InvalidMicrosoftAppType = appType;
        }
    }
}
