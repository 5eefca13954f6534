using System.Xml.Linq;
using Chatbot.Clinic.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting;

/// <summary>
/// The data-protection key ring in the clinic's database (<see cref="IDataProtectionKeyStore"/>, the configured storage
/// provider), so that every instance on that database reads and writes the same keys.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous; the key manager calls it only when it loads or refreshes the key ring
/// (at start, on a key it does not know shortly after start, before a key expires, every 24 h) and when it creates a
/// key, never per request, so waiting on the port's task here costs a database round trip now and then.
/// </remarks>
public sealed class DatabaseXmlRepository(IDataProtectionKeyStore store, TimeProvider timeProvider) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListAsync(CancellationToken.None).GetAwaiter().GetResult().Select(key => XElement.Parse(key.Xml))];

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddAsync(friendlyName ?? string.Empty, element.ToString(SaveOptions.DisableFormatting), timeProvider.GetUtcNow(), CancellationToken.None)
            .GetAwaiter().GetResult();
    }
}

