using Chatbot.Testing;
using Chatbot.Clinic.DataProtection;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;

namespace Chatbot.Clinic.Tests.DataProtection;

/// <summary>What every store of the data-protection key ring must do; one subclass per provider.</summary>
public abstract class DataProtectionKeyStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);

    // A key element as the key manager writes it (whitespace and attribute order must come back as they were).
    private const string KeyXml = """<key id="0f3c1c6e-54a4-4a55-9c43-3b8b1f1e2a10" version="1"><creationDate>2026-12-07T05:00:00Z</creationDate><descriptor deserializerType="X"><descriptor><masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection"><value>c2VjcmV0 IGtleQ==</value></masterKey></descriptor></descriptor></key>""";

    protected abstract IDataProtectionKeyStore CreateStore();

    [ProviderFact]
    public async Task AnEmptyStoreListsNothing()
    {
        Assert.Empty(await CreateStore().ListAsync(default));
    }

    [ProviderFact]
    public async Task ElementsComeBackAsStoredInTheOrderTheyWereAdded()
    {
        var store = CreateStore();
        await store.AddAsync("key-1", KeyXml, T0, default);
        await store.AddAsync("revocation-1", "<revocation version=\"1\"><key id=\"*\" /></revocation>", T0.AddMinutes(1), default);
        await store.AddAsync("key-1", "<key id=\"same-name\" />", T0.AddMinutes(2), default);

        var keys = await store.ListAsync(default);
        Assert.Equal(
            [new StoredDataProtectionKey("key-1", KeyXml, T0), new StoredDataProtectionKey("revocation-1", "<revocation version=\"1\"><key id=\"*\" /></revocation>", T0.AddMinutes(1)), new StoredDataProtectionKey("key-1", "<key id=\"same-name\" />", T0.AddMinutes(2))],
            keys);
    }
}

public sealed class InMemoryDataProtectionKeyStoreTests : DataProtectionKeyStoreContractTests
{
    protected override IDataProtectionKeyStore CreateStore() => new InMemoryDataProtectionKeyStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteDataProtectionKeyStoreTests : DataProtectionKeyStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IDataProtectionKeyStore CreateStore() => new SqliteDataProtectionKeyStore(_folder.NewDatabase());

    [ProviderFact]
    public async Task TwoConnectionsToOneFileShareTheKeyRing()
    {
        var path = _folder.PathOf("shared.db");
        await new SqliteDataProtectionKeyStore(new SqliteDatabase(path)).AddAsync("key-1", "<key id=\"1\" />", DateTimeOffset.UnixEpoch, default);
        Assert.Single(await new SqliteDataProtectionKeyStore(new SqliteDatabase(path)).ListAsync(default));
    }

    public void Dispose() => _folder.Dispose();
}
