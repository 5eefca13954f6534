using System.Security.Cryptography;
using Chatbot.Clinic.DataProtection;
using Chatbot.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Privacy;

/// <summary>
/// Issue 14: two instances on one database share the data-protection key ring (staff cookies, anti-forgery, the names a
/// conversation remembers), and an explicitly configured key repository wins over the database.
/// </summary>
public sealed class SharedDataProtectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-dp-").FullName;

    [Fact]
    public async Task WhatOneInstanceProtectsAnotherOnTheSameDatabaseCanRead()
    {
        var database = Path.Combine(_folder, "shared.db");
        using var first = new SqliteFactory(database);
        using var second = new SqliteFactory(database);
        using var elsewhere = new SqliteFactory(Path.Combine(_folder, "other.db"));

        var secret = Protector(first).Protect("Jordan Avery");

        Assert.Equal("Jordan Avery", Protector(second).Unprotect(secret));
        Assert.Throws<CryptographicException>(() => Protector(elsewhere).Unprotect(secret));
        Assert.Single(await first.Services.GetRequiredService<IDataProtectionKeyStore>().ListAsync(default));
    }

    [Fact]
    public async Task AKeyFolderConfiguredExplicitlyWinsOverTheDatabase()
    {
        var keys = Path.Combine(_folder, "keys");
        using var host = new SqliteFactory(Path.Combine(_folder, "own.db"), services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)));

        Protector(host).Protect("x");

        Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
        Assert.Empty(await host.Services.GetRequiredService<IDataProtectionKeyStore>().ListAsync(default));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IDataProtector Protector(SqliteFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    private sealed class SqliteFactory(string path, Action<IServiceCollection>? configure = null) : ChatbotAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = "Sqlite",
            ["Chatbot:Storage:SqlitePath"] = path,
        };

        protected override void ConfigureServices(IServiceCollection services) => configure?.Invoke(services);
    }
}
