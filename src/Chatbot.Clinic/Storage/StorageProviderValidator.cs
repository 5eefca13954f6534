using Microsoft.Extensions.Options;

namespace Chatbot.Clinic.Storage;

/// <summary>Refuses to start with a provider nobody registered, or one that leaves a store port without an implementation.</summary>
internal sealed class StorageProviderValidator(IEnumerable<RegisteredStorageProvider> providers) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var registered = providers.Where(p => p.Provider == options.Provider).ToList();
        if (registered.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                $"Chatbot:Storage:Provider is {options.Provider}, but no such storage provider is registered with this build (registered: {string.Join(", ", providers.Select(p => p.Provider).Distinct())}).");
        }

        var missing = StorageProviderBuilder.Ports.Except(registered.SelectMany(p => p.Ports)).Select(t => t.Name).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"The {options.Provider} storage provider does not implement {string.Join(", ", missing)}.");
    }
}
