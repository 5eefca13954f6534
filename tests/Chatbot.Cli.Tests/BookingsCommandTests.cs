using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Cli.Tests;

public sealed class BookingsCommandTests : IDisposable
{
    private const string Name = "Jordan Lee";
    private const string Phone = "+13125550123";
    private const string Email = "jordan.lee@example.com";

    // 14:30 UTC on 1 June is 09:30 in Chicago (CDT, UTC-5).
    private static readonly DateTimeOffset Received = new(2025, 6, 1, 14, 30, 0, TimeSpan.Zero);

    // The clock CliRun gives the CLI.
    private static readonly DateTimeOffset CliNow = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-cli-bookings-").FullName;

    public BookingsCommandTests()
    {
        var store = new SqliteBookingStore(new SqliteDatabase(DatabasePath));
        Add(store, new BookingRequest("PSI-AAAA11", Received, BookingReason.NewPatientConsultation, Name, Phone, Email,
            "Tuesday, June 3 (afternoon)", "webchat", "conv-1", BookingStatus.New, Received, "bot"));
        Add(store, new BookingRequest("PSI-BBBB22", Received.AddHours(-1), BookingReason.Infusion, "Sam Ortiz", null, "sam@example.org",
            "mornings this week", "sms", "conv-2", BookingStatus.New, Received.AddHours(-1), "bot"));
    }

    private string DatabasePath => Path.Combine(_folder, "chatbot.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the OS cleans temp folders.
        }
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--db", DatabasePath]);

    [Fact]
    public void ListShowsTheRequestsNewestFirstInClinicTime()
    {
        var run = Run("bookings", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PSI-AAAA11", run.Output, StringComparison.Ordinal);
        Assert.Contains("PSI-BBBB22", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf("PSI-AAAA11", StringComparison.Ordinal) < run.Output.IndexOf("PSI-BBBB22", StringComparison.Ordinal), run.ToString());
        Assert.Contains("2025-06-01 09:30", run.Output, StringComparison.Ordinal);
        Assert.Contains("America/Chicago", run.Output, StringComparison.Ordinal);
        Assert.Contains(Name, run.Output, StringComparison.Ordinal);
        Assert.Contains(Phone, run.Output, StringComparison.Ordinal);
        Assert.Contains(Email, run.Output, StringComparison.Ordinal);
        Assert.Contains("Infusion", run.Output, StringComparison.Ordinal); // Longer reasons may wrap in the table.
        Assert.Contains("2 request(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactHidesTheFullNamePhoneAndEmail()
    {
        var run = Run("bookings", "list", "--redact");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PSI-AAAA11", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Lee", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("555", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("jordan.lee", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Ortiz", run.Output, StringComparison.Ordinal);
        Assert.Contains("J. L.", run.Output, StringComparison.Ordinal);
        Assert.Contains("********23", run.Output, StringComparison.Ordinal);
        Assert.Contains("j***@example.com", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonListsTheRequestsAndHonoursRedact()
    {
        var plain = JArray.Parse(Run("bookings", "list", "--json").Output);
        var redacted = Run("bookings", "list", "--json", "--redact");

        Assert.Equal(2, plain.Count);
        Assert.Equal("PSI-AAAA11", (string?)plain[0]["reference"]);
        Assert.Equal("new", (string?)plain[0]["status"]);
        Assert.Equal(Phone, (string?)plain[0]["phone"]);
        var masked = JArray.Parse(redacted.Output);
        Assert.Equal("J. L.", (string?)masked[0]["name"]);
        Assert.DoesNotContain(Email, redacted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ListFiltersByStatusAndLimits()
    {
        Assert.Equal(0, Run("bookings", "set-status", "PSI-BBBB22", "contacted", "--by", "Anna").ExitCode);

        var contacted = Run("bookings", "list", "--status", "contacted");
        var limited = Run("bookings", "list", "--limit", "1");
        var none = Run("bookings", "list", "--status", "booked");

        Assert.Contains("PSI-BBBB22", contacted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PSI-AAAA11", contacted.Output, StringComparison.Ordinal);
        Assert.Contains("PSI-AAAA11", limited.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PSI-BBBB22", limited.Output, StringComparison.Ordinal);
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Contains("No booking requests with status booked.", none.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatusRecordsWhoAndWhenInTheHistory()
    {
        var run = Run("bookings", "set-status", "PSI-AAAA11", "contacted", "--by", "Anna Smith");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PSI-AAAA11: new → contacted (by Anna Smith", run.Output, StringComparison.Ordinal);
        var store = new SqliteBookingStore(new SqliteDatabase(DatabasePath));
        var last = (await store.HistoryAsync("PSI-AAAA11", CancellationToken.None))[^1];
        Assert.Equal(new BookingStatusChange("PSI-AAAA11", BookingStatus.Contacted, CliNow, "Anna Smith"), last);
        Assert.Equal(BookingStatus.Contacted, (await store.GetAsync("PSI-AAAA11", CancellationToken.None))!.Status);
    }

    [Fact]
    public void StatusNamesAndReferencesAreNotCaseSensitive() =>
        Assert.Equal(0, Run("bookings", "set-status", "psi-aaaa11", "Booked", "--by", "Anna").ExitCode);

    [Fact]
    public void AnInvalidTransitionExitsOneWithAClearMessage()
    {
        Assert.Equal(0, Run("bookings", "set-status", "PSI-AAAA11", "cancelled", "--by", "Anna").ExitCode);

        var run = Run("bookings", "set-status", "PSI-AAAA11", "booked", "--by", "Anna");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("A request that is cancelled cannot become booked.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownReferenceExitsOne()
    {
        var run = Run("bookings", "set-status", "PSI-ZZZZ99", "contacted", "--by", "Anna");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("there is no booking request PSI-ZZZZ99", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bookings", "set-status", "PSI-AAAA11", "done", "--by", "Anna")]
    [InlineData("bookings", "set-status", "PSI-AAAA11", "2", "--by", "Anna")]
    [InlineData("bookings", "set-status", "PSI-AAAA11", "contacted")]
    [InlineData("bookings", "list", "--status", "open")]
    [InlineData("bookings", "list", "--limit", "0")]
    [InlineData("bookings")]
    public void UsageErrorsExitTwo(params string[] args)
    {
        var run = Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingDatabaseExitsOneAndIsNotCreated()
    {
        var missing = Path.Combine(_folder, "nope", "chatbot.db");

        var run = CliRun.Of("bookings", "list", "--db", missing);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"no booking database at {missing}; start the bot once or pass --db", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task NotificationsListsUndeliveredItemsWithAttemptsAndLastError()
    {
        var outbox = new SqliteNotificationOutbox(new SqliteDatabase(DatabasePath));
        var pending = await outbox.PendingAsync(10, CancellationToken.None);
        await outbox.MarkFailedAsync(pending[0].Notification.Id, "webhook: HTTP 503 (ServiceUnavailable)", Received.AddMinutes(1), CancellationToken.None);
        await outbox.MarkDeliveredAsync(pending[1].Notification.Id, Received, CancellationToken.None);

        var run = Run("bookings", "notifications");
        var json = JArray.Parse(Run("bookings", "notifications", "--json").Output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(pending[0].Notification.Subject, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(pending[1].Notification.Subject, run.Output, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 undelivered notification(s)", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, (int)Assert.Single(json)["attempts"]!);
        Assert.DoesNotContain(Phone, json.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jordan Lee", "J. L.")]
    [InlineData("  maría  de la cruz ", "M. D. L. C.")]
    [InlineData("", "")]
    public void NamesAreRedactedToInitials(string name, string expected) => Assert.Equal(expected, BookingFormat.RedactName(name));

    [Theory]
    [InlineData("+13125550123", "********23")]
    [InlineData("7", "********")]
    [InlineData(null, null)]
    public void PhonesKeepOnlyTheLastTwoDigits(string? phone, string? expected) => Assert.Equal(expected, BookingFormat.RedactPhone(phone));

    [Theory]
    [InlineData("jordan.lee@example.com", "j***@example.com")]
    [InlineData("not-an-email", "***")]
    [InlineData(null, null)]
    public void EmailsKeepTheFirstLetterAndTheDomain(string? email, string? expected) => Assert.Equal(expected, BookingFormat.RedactEmail(email));

    private static void Add(SqliteBookingStore store, BookingRequest request) =>
        store.AddAsync(request, new StaffNotification(Guid.NewGuid().ToString("N"), StaffNotificationKind.BookingRequested, request.CreatedAt,
            $"New booking request {request.Reference}", $$"""{"reference":"{{request.Reference}}","phone":"{{request.Phone}}"}"""), CancellationToken.None).GetAwaiter().GetResult();
}
