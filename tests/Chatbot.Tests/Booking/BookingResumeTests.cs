using Chatbot.Booking;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Tests.Booking;

/// <summary>A patient who comes back after the bot restarted continues where they were (SQLite state).</summary>
[Collection(SqliteFilesCollection.Name)]
public sealed class BookingResumeTests : IDisposable
{
    private readonly string _database = Path.Combine(Directory.CreateTempSubdirectory("chatbot-resume-").FullName, "chatbot.db");

    [Fact]
    public async Task TheDialogContinuesAfterARestart()
    {
        const string Conversation = "resume-conversation";
        await using (var before = new SqliteFactory(_database))
        {
            before.Predict(("booking/appointment", 0.95f));
            var client = new BotClient(before.CreateClient(), "sms");
            await client.SendAsync(Message(Conversation, "book a consultation"));
            await client.SendAsync(Message(Conversation, "Jordan Lee"));
        }

        await using var after = new SqliteFactory(_database);
        var resumed = new BotClient(after.CreateClient(), "sms");
        var reply = (await resumed.SendAsync(Message(Conversation, "jordan@example.com")))[^1].Text!;
        Assert.Contains("When would you like to come in", reply, StringComparison.Ordinal);
        await resumed.SendAsync(Message(Conversation, "tomorrow at 2pm"));
        var done = (await resumed.SendAsync(Message(Conversation, "yes")))[^1].Text!;
        Assert.Contains("PSI-", done, StringComparison.Ordinal);
        var saved = Assert.Single(await after.Services.GetRequiredService<IBookingStore>().ListAsync(null, 10, CancellationToken.None));
        Assert.Equal("Jordan Lee", saved.Name);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_database)!, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the OS cleans temp folders.
        }
    }

    private static JObject Message(string conversation, string text) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["conversation"] = new JObject { ["id"] = conversation },
    };

    private sealed class SqliteFactory(string path) : ScriptedClassifierFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = "Sqlite",
            ["Chatbot:Storage:SqlitePath"] = path,
        };
    }
}
