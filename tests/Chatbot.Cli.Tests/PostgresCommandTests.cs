using System.CommandLine;
using Chatbot.Cli.Commands;
using Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Chatbot.Cli.Tests;

/// <summary>The <c>staff</c> and <c>bookings</c> commands on PostgreSQL (<c>--provider postgres</c>), in a schema of their own.</summary>
[RequiresPostgres]
public sealed class PostgresCommandTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
    private readonly string _schema = "cli_" + Guid.NewGuid().ToString("N");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(RequiresPostgresAttribute.ConnectionString) { SearchPath = _schema }.ConnectionString;

    private static CliRun Run(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Clock);
        var root = new RootCommand { StaffCommand.Create(context, new StringReader(stdin ?? string.Empty), null), BookingsCommand.Create(context) };
        var parsed = root.Parse(args);
        var code = parsed.Errors.Count > 0 ? ExitCodes.Usage : parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [ProviderFact]
    public void StaffAccountsAndBookingsWorkOnPostgres()
    {
        var add = Run("a long enough password", "staff", "add", "maria", "--password-stdin", "--provider", "postgres", "--connection", ConnectionString);
        var list = Run(null, "staff", "list", "--json", "--provider", "postgres", "--connection", ConnectionString);
        var bookings = Run(null, "bookings", "list", "--provider", "postgres", "--connection", ConnectionString);

        Assert.Equal((0, string.Empty), (add.ExitCode, add.Error));
        Assert.Contains("PostgreSQL", add.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(ConnectionString).Password ?? "no password", add.Output, StringComparison.Ordinal);
        Assert.Contains("\"maria\"", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, bookings.ExitCode);
        Assert.Contains("No booking requests", bookings.Output, StringComparison.Ordinal);
    }

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(RequiresPostgresAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{_schema}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(RequiresPostgresAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Choosing PostgreSQL without a usable connection string: explained, nothing else happens (no server needed).</summary>
public sealed class PostgresCommandOptionTests
{
    [Fact]
    public void WithoutAConnectionStringTheCommandSaysWhatToSet()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new FakeTimeProvider());
        var root = new RootCommand { BookingsCommand.Create(context) };
        var code = root.Parse(["bookings", "list", "--provider", "postgres", "--connection", "Database=chatbot;Password=s3cret"]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("ConnectionStrings__Chatbot", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProviderIsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { BookingsCommand.Create(new CliContext(output, error, new FakeTimeProvider())) };
        var parsed = root.Parse(["bookings", "list", "--provider", "oracle"]);

        Assert.Contains(parsed.Errors, e => e.Message.Contains("sqlite or postgres", StringComparison.Ordinal));
    }
}
