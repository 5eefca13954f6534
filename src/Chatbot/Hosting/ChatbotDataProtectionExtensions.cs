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
    /// REVIEW: a database-backed key ring (shared with the PostgreSQL storage) replaces the folder here, by setting
    /// <see cref="KeyManagementOptions.XmlRepository"/> to its own <see cref="IXmlRepository"/>; nothing else changes.
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
        return services;
    }
}
