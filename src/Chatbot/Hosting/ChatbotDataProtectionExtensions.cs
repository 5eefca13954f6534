using Chatbot.Clinic.DataProtection;
using Chatbot.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one place where the Data Protection key ring is chosen.</summary>
public static class ChatbotDataProtectionExtensions
{
    /// <summary>
    /// Adds ASP.NET Core Data Protection with the application name and key folder of validated
    /// <see cref="DataProtectionSettings"/> (<c>Chatbot:DataProtection</c>). Settings are read when the key ring is
    /// first used, so every configuration source counts.
    /// </summary>
    /// <remarks>
    /// Where the keys live: the folder of <c>Chatbot:DataProtection:KeysPath</c> when it is set (or any key repository
    /// configured elsewhere), else the database of the storage provider (<see cref="DatabaseXmlRepository"/>), so every
    /// instance on one database shares one key ring without further setup.
    /// </remarks>
    public static IServiceCollection AddChatbotDataProtection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DataProtectionSettings>().BindConfiguration(DataProtectionSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>()
            .Configure<IOptions<DataProtectionSettings>>((options, settings) => options.ApplicationDiscriminator = settings.Value.ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DataProtectionSettings>, IHostEnvironment, ILoggerFactory>((options, settings, environment, loggers) =>
            {
                if (!string.IsNullOrWhiteSpace(settings.Value.KeysPath))
                {
                    var folder = new DirectoryInfo(Path.GetFullPath(settings.Value.KeysPath, environment.ContentRootPath));
                    options.XmlRepository = new FileSystemXmlRepository(folder, loggers);
                }
            });
        services.AddOptions<KeyManagementOptions>()
            .PostConfigure<IDataProtectionKeyStore, TimeProvider>((options, store, time) => options.XmlRepository ??= new DatabaseXmlRepository(store, time));
        return services;
    }
}
