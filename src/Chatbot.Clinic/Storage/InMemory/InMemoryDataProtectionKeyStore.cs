using Chatbot.Clinic.DataProtection;

namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>The data-protection key ring in process memory: tests and throwaway demos (keys die with the process).</summary>
public sealed class InMemoryDataProtectionKeyStore : IDataProtectionKeyStore
{
    private readonly List<StoredDataProtectionKey> _keys = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDataProtectionKey>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredDataProtectionKey>>([.. _keys]);
        }
    }

    /// <inheritdoc />
    public Task AddAsync(string friendlyName, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(friendlyName);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        lock (_gate)
        {
            _keys.Add(new StoredDataProtectionKey(friendlyName, xml, createdAt));
        }

        return Task.CompletedTask;
    }
}
