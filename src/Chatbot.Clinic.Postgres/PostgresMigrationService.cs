using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// The start-up step of the PostgreSQL provider: brings the schema to this build's version before the host serves
/// requests (an unreachable server or a failed migration stops the start with the reason). Does nothing with
/// another provider.
/// </summary>
internal sealed partial class PostgresMigrationService(
    IOptions<StorageOptions> options, IServiceProvider services, ILogger<PostgresMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.Postgres)
        {
            return;
        }

        var where = PostgresConnection.Describe(services.GetRequiredService<NpgsqlDataSource>());
        await services.GetRequiredService<PostgresDatabase>().MigrateAsync(cancellationToken);
        Log.SchemaCurrent(logger, where, PostgresTableSchema.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL storage at {Database}: the schema of all {Stores} stores is current")]
        public static partial void SchemaCurrent(ILogger logger, string database, int stores);
    }
}
