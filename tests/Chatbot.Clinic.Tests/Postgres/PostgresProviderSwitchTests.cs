using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Storage.Postgres;
using Chatbot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.Clinic.Tests.Postgres;

/// <summary>The provider switch with the PostgreSQL provider registered as the host does it (after <c>AddClinicStorage</c>).</summary>
internal static class PostgresHost
{
    public static ServiceProvider Build(string provider, string? connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = provider,
            ["Chatbot:Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), "never-created-" + Guid.NewGuid().ToString("N") + ".db"),
            ["ConnectionStrings:Chatbot"] = connectionString,
        }).Build());
        services.AddSingleton<IHostEnvironment>(new Environment());
        services.AddLogging();
        services.AddClinicStorage();
        services.AddPostgresStorage();
        return services.BuildServiceProvider();
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Chatbot.Clinic.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

[RequiresPostgres]
public sealed class PostgresProviderSwitchTests : IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    [ProviderFact]
    public async Task EveryPortComesFromThePostgresProviderAndTheStartUpStepMigrates()
    {
        _ = _schema.NewDataSource(); // creates the schema
        await using var services = PostgresHost.Build("Postgres", _schema.ConnectionString);
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        foreach (var port in StorageProviderBuilder.Ports)
        {
            Assert.Equal(typeof(PostgresDatabase).Namespace, services.GetRequiredService(port).GetType().Namespace);
        }

        foreach (var step in services.GetServices<IHostedService>())
        {
            await step.StartAsync(CancellationToken.None);
        }

        await using (var connection = await _schema.NewDataSource().OpenConnectionAsync())
        {
            Assert.Equal(PostgresConversationStateStore.Schema.Version, await PostgresDatabase.CurrentVersionAsync(connection, null, "conversation_state", default));
        }

        var request = TestBookings.Request("PSI-HOST01", DateTimeOffset.UnixEpoch.AddYears(56));
        await services.GetRequiredService<IBookingStore>().AddAsync(request, TestBookings.Notification(request), CancellationToken.None);
        Assert.Equal(request, await new PostgresBookingStore(_schema.NewInstance()).GetAsync("PSI-HOST01", CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}

/// <summary>The connection string checks, which need no server.</summary>
public sealed class PostgresConfigurationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void ThePostgresProviderWithoutAConnectionStringIsRefusedAtStartSayingWhatToSet(string? connectionString)
    {
        using var services = PostgresHost.Build("Postgres", connectionString);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("ConnectionStrings__Chatbot", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Pasword=s3cret-Value;Database=chatbot")]
    [InlineData("Host=db;Port=s3cret-Value;Database=chatbot")]
    [InlineData("Database=chatbot;Password=s3cret-Value")]
    public void AnUnusableConnectionStringIsRefusedWithoutQuotingIt(string connectionString)
    {
        using var services = PostgresHost.Build("Postgres", connectionString);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("ConnectionStrings:Chatbot", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherProviderNeedsNoConnectionStringAndNeverConnects()
    {
        await using var services = PostgresHost.Build("InMemory", null);

        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        foreach (var step in services.GetServices<IHostedService>())
        {
            await step.StartAsync(CancellationToken.None);
        }

        Assert.Contains("InMemory", services.GetRequiredService<IBookingStore>().GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDataSourceTellsTheServerWhoItIsAndDescribesItselfWithoutSecrets()
    {
        using var services = PostgresHost.Build("Postgres", "Host=db.example.org;Port=5433;Database=clinic;Username=bot;Password=s3cret-Value");

        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        Assert.Equal("chatbot", new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).ApplicationName);
        Assert.Equal("db.example.org:5433/clinic", PostgresConnection.Describe(dataSource));
    }
}
