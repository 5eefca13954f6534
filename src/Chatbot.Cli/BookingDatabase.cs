using System.CommandLine;
using Chatbot.Faq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.Postgres;
using Chatbot.Clinic.Storage.Sqlite;
using Npgsql;

namespace Chatbot.Cli;

/// <summary>
/// The storage options of the <c>bookings</c> and <c>staff</c> commands (<c>--db</c>, <c>--provider</c>,
/// <c>--connection</c>), and opening the bot's stores with them: its SQLite file (the default) or its PostgreSQL
/// database, chosen like the bot chooses (<c>Chatbot__Storage__Provider</c>, <c>ConnectionStrings__Chatbot</c>).
/// </summary>
internal sealed class BookingDatabase
{
    /// <summary>The bot's default database, relative to the repository root.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("src", "Chatbot", "App_Data", "chatbot.db");

    /// <summary>The environment variable that selects the provider (the bot's <c>Chatbot:Storage:Provider</c>).</summary>
    public const string ProviderVariable = "Chatbot__Storage__Provider";

    /// <summary>The environment variable with the PostgreSQL connection string (the bot's <c>ConnectionStrings:Chatbot</c>).</summary>
    public const string ConnectionVariable = "ConnectionStrings__Chatbot";

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The bot's SQLite database. Default: src/Chatbot/App_Data/chatbot.db of the repository (found by walking up to Chatbot.sln), else ./App_Data/chatbot.db.",
        HelpName = "path",
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = $"Where the bot keeps its data: sqlite (default) or postgres. Default: the {ProviderVariable} environment variable, as for the bot.",
        HelpName = "sqlite|postgres",
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = $"The PostgreSQL connection string (with --provider postgres). Prefer the {ConnectionVariable} environment variable: a password on the command line shows in the process list and the shell history.",
        HelpName = "connection string",
    };

    public BookingDatabase()
    {
        Provider.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && ParseProvider(r.Tokens[0].Value) is null)
            {
                r.AddError($"'{r.Tokens[0].Value}' is not a storage provider; use sqlite or postgres.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <summary>True when the stores are PostgreSQL's (<c>--provider</c>, else the environment).</summary>
    public bool UsesPostgres(ParseResult result) =>
        (ParseProvider(result.GetValue(Provider)) ?? ParseProvider(Environment.GetEnvironmentVariable(ProviderVariable))) == "postgres";

    public string ResolvePath(ParseResult result)
    {
        if (result.GetValue(Db) is { Length: > 0 } db)
        {
            return Path.GetFullPath(db);
        }

        var root = FaqPaths.FindRepositoryRoot(Environment.CurrentDirectory);
        return root is null
            ? Path.GetFullPath(Path.Combine("App_Data", "chatbot.db"))
            : Path.Combine(root, DefaultRelativePath);
    }

    /// <summary>
    /// Opens the configured stores, or explains on stderr why not (and returns null). A SQLite file that does not exist
    /// is reported with <paramref name="whenMissing"/> (given its path) and never created, unless that is null: a typo
    /// in <c>--db</c> must not produce an empty database that lists nothing.
    /// </summary>
    public ClinicStores? OpenStores(CliContext context, ParseResult result, Func<string, string>? whenMissing)
    {
        if (UsesPostgres(result))
        {
            return OpenPostgres(context, result);
        }

        var path = ResolvePath(result);
        var exists = File.Exists(path);
        if (!exists && whenMissing is not null)
        {
            context.Error.WriteLine($"error: {whenMissing(path)}");
            return null;
        }

        var database = new SqliteDatabase(path);
        return new ClinicStores(
            new SqliteBookingStore(database), new SqliteNotificationOutbox(database), new SqliteStaffAccountStore(database),
            new SqliteAnswerFeedbackStore(database), path, !exists);
    }

    /// <summary>Opens the booking stores, or explains on stderr that there is no database.</summary>
    public ClinicStores? Open(CliContext context, ParseResult result) =>
        OpenStores(context, result, path => $"no booking database at {path}; start the bot once or pass --db.");

    private ClinicStores? OpenPostgres(CliContext context, ParseResult result)
    {
        var connectionString = result.GetValue(Connection) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(ConnectionVariable);
        if (PostgresConnection.Check(connectionString) is { } problem)
        {
            context.Error.WriteLine($"error: {problem} Pass --connection, or set {ConnectionVariable}.");
            return null;
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "chatbot-cli";
        var dataSource = builder.Build();
        var database = new PostgresDatabase(dataSource);
        return new ClinicStores(
            new PostgresBookingStore(database), new PostgresNotificationOutbox(database), new PostgresStaffAccountStore(database),
            new PostgresAnswerFeedbackStore(database),
            $"PostgreSQL {PostgresConnection.Describe(dataSource)}", IsNew: false);
    }

    private static string? ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "sqlite" => "sqlite",
        "postgres" or "postgresql" => "postgres",
        _ => null,
    };
}

/// <summary>The stores the CLI works with, from one provider.</summary>
/// <param name="Bookings">Booking requests.</param>
/// <param name="Outbox">Staff notifications.</param>
/// <param name="StaffAccounts">Local staff accounts.</param>
/// <param name="Feedback">Patients' votes on answers.</param>
/// <param name="Location">Where they are, for messages: a file path, or the server and database (never credentials).</param>
/// <param name="IsNew">True when a new SQLite file will be created by the first write.</param>
internal sealed record ClinicStores(
    IBookingStore Bookings, INotificationOutbox Outbox, IStaffAccountStore StaffAccounts, IAnswerFeedbackStore Feedback, string Location, bool IsNew);
