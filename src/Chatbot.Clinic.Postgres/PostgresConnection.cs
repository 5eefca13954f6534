using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// The connection string <c>ConnectionStrings:Chatbot</c> (environment: <c>ConnectionStrings__Chatbot</c>): checked at
/// start when the provider is PostgreSQL, and turned into the one <see cref="NpgsqlDataSource"/> of the process.
/// Nothing here ever writes the connection string, or its password, to a message or a log.
/// </summary>
internal static class PostgresConnection
{
    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string Name = "Chatbot";

    /// <summary>The <c>Application Name</c> the server shows for our sessions when the string names none.</summary>
    public const string ApplicationName = "chatbot";

    /// <summary>Why <paramref name="connectionString"/> cannot be used, or null when it can (never quotes the value).</summary>
    public static string? Check(string? connectionString)
    {
        const string Example = "e.g. Host=db.example.org;Port=5432;Database=chatbot;Username=chatbot;Password=…";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"Chatbot:Storage:Provider is Postgres, but ConnectionStrings:{Name} is not set (environment variable ConnectionStrings__{Name}; {Example}).";
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The parser's message can quote a value (a password among them): name only the kind of problem.
            return $"ConnectionStrings:{Name} is not a valid PostgreSQL connection string ({(ex is ArgumentException ? "an unknown keyword or a malformed key=value pair" : "a value of the wrong type, e.g. a port that is not a number")}; {Example}).";
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? $"ConnectionStrings:{Name} names no Host ({Example})."
            : null;
    }

    /// <summary>Builds the data source (connection pool) from <paramref name="configuration"/>; the string must pass <see cref="Check"/>.</summary>
    public static NpgsqlDataSource CreateDataSource(IConfiguration configuration, ILoggerFactory? loggerFactory)
    {
        var connectionString = configuration.GetConnectionString(Name);
        if (Check(connectionString) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = ApplicationName;
        }

        if (loggerFactory is not null)
        {
            // Npgsql logs hosts and errors, never parameter values (parameter logging stays off) or the password.
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }

    /// <summary>Where the data source points, for logs: host, port and database, never the user or the password.</summary>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}

/// <summary>Refuses to start with the PostgreSQL provider selected and no usable <c>ConnectionStrings:Chatbot</c>.</summary>
internal sealed class PostgresConnectionValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Provider != StorageProvider.Postgres || PostgresConnection.Check(configuration.GetConnectionString(PostgresConnection.Name)) is not { } problem
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problem);
}
