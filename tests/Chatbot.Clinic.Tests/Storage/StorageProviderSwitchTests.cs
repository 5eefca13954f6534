using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.Clinic.Tests.Storage;

[Collection(SqliteFilesCollection.Name)]
public sealed class StorageProviderSwitchTests : IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    private ServiceProvider Build(string provider, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = provider,
            ["Chatbot:Storage:SqlitePath"] = _folder.NewPath(),
        }).Build());
        services.AddSingleton<IHostEnvironment>(new FakeEnvironment(_folder.PathOf()));
        services.AddClinicStorage();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void EveryPortComesFromTheConfiguredProvider()
    {
        using var sqlite = Build("Sqlite");
        using var memory = Build("InMemory");

        Assert.IsType<SqliteBookingStore>(sqlite.GetRequiredService<IBookingStore>());
        Assert.IsType<InMemoryBookingStore>(memory.GetRequiredService<IBookingStore>());
        foreach (var port in StorageProviderBuilder.Ports)
        {
            Assert.Contains(".Sqlite", sqlite.GetRequiredService(port).GetType().FullName, StringComparison.Ordinal);
            Assert.Contains("InMemory", memory.GetRequiredService(port).GetType().Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AProviderThatIsNotRegisteredIsRefusedAtStartWithItsName()
    {
        using var services = Build("Postgres");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProviderMissingAPortIsRefused()
    {
        using var services = Build("Postgres", s => s.AddStorageProvider(StorageProvider.Postgres, p => p.Add<IBookingStore, InMemoryBookingStore>()));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("IConversationStateStore", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private sealed class FakeEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Chatbot.Clinic.Tests";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
