using System.CommandLine;
using Chatbot.Faq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Cli;

/// <summary>The <c>--db</c> option of the <c>bookings</c> commands, and opening the bot's database.</summary>
internal sealed class BookingDatabase
{
    /// <summary>The bot's default database, relative to the repository root.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("src", "Chatbot", "App_Data", "chatbot.db");

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The bot's SQLite database. Default: src/Chatbot/App_Data/chatbot.db of the repository (found by walking up to Chatbot.sln), else ./App_Data/chatbot.db.",
        HelpName = "path",
    };

    public void AddTo(Command command) => command.Options.Add(Db);

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
    /// Opens the database at the resolved path, or explains on stderr that there is none. Never creates a database:
    /// a typo in <c>--db</c> must not produce an empty one that lists nothing.
    /// </summary>
    public SqliteDatabase? Open(CliContext context, ParseResult result)
    {
        var path = ResolvePath(result);
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"error: no booking database at {path}; start the bot once or pass --db.");
            return null;
        }

        return new SqliteDatabase(path);
    }

    public static IBookingStore Store(SqliteDatabase database) => new SqliteBookingStore(database);

    public static INotificationOutbox Outbox(SqliteDatabase database) => new SqliteNotificationOutbox(database);
}
