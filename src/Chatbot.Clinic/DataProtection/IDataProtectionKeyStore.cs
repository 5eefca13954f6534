namespace Chatbot.Clinic.DataProtection;

/// <summary>
/// The ASP.NET Core data-protection key ring (staff cookies, anti-forgery tokens, the personal data a conversation
/// remembers), kept in the clinic's database so that every instance protects and unprotects with the same keys.
/// </summary>
/// <remarks>
/// Contract (checked by the abstract <c>DataProtectionKeyStoreContractTests</c>): elements are kept as given (XML text,
/// byte for byte) and listed in the order they were added; adding never replaces an element, even with the same
/// friendly name (the key manager never rewrites a key: a revocation is a new element). The XML is stored as the key
/// manager hands it over, which on Linux without an XML encryptor is the key material in clear: database access must be
/// protected like the keys themselves.
/// </remarks>
public interface IDataProtectionKeyStore
{
    /// <summary>Every element of the key ring, oldest first.</summary>
    Task<IReadOnlyList<StoredDataProtectionKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds one element (a key or a revocation).</summary>
    /// <param name="friendlyName">The key manager's name for it (e.g. <c>key-{guid}</c>); informational.</param>
    /// <param name="xml">The element as XML text.</param>
    /// <param name="createdAt">When it was added.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task AddAsync(string friendlyName, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken);
}

/// <summary>One element of the data-protection key ring as stored.</summary>
/// <param name="FriendlyName">The key manager's name for it.</param>
/// <param name="Xml">The element as XML text.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record StoredDataProtectionKey(string FriendlyName, string Xml, DateTimeOffset CreatedAt);
