using System.CommandLine;
using Chatbot.Cli.Commands;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Cli.Tests;

/// <summary><c>chatbot staff add | list | unlock</c> against a real SQLite file.</summary>
public sealed class StaffCommandTests : IDisposable
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "staff-cli-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "chatbot.db");

    private static CliRun Run(string? stdin, Func<string, string?>? readSecret, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Clock);
        var root = new RootCommand { StaffCommand.Create(context, new StringReader(stdin ?? string.Empty), readSecret) };
        var parsed = root.Parse(args);
        var code = parsed.Errors.Count > 0 ? ExitCodes.Usage : parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AddWithPasswordFromStdinStoresOnlyAVerifiableHash()
    {
        var run = Run("a long enough password\n", null, "staff", "add", "maria", "--password-stdin", "--db", Db);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Created staff account 'maria'", run.Output, StringComparison.Ordinal);
        var account = await new SqliteStaffAccountStore(new SqliteDatabase(Db)).FindAsync("MARIA", CancellationToken.None);
        Assert.NotNull(account);
        Assert.DoesNotContain("a long enough password", account.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, StaffAccounts.Hasher.VerifyHashedPassword(new StaffUser("maria"), account.PasswordHash, "a long enough password"));
        Assert.DoesNotContain("a long enough password", await File.ReadAllTextAsync(Db + (File.Exists(Db + "-wal") ? "-wal" : string.Empty)), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutATerminalOrStdinThePasswordIsNeverGuessedOrTakenFromArguments()
    {
        var run = Run(null, _ => null, "staff", "add", "maria", "--db", Db);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("pipe it with --password-stdin", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void ATypedPasswordMustBeRepeatedExactly()
    {
        var answers = new Queue<string>(["a long enough password", "a long enough passwort"]);

        var run = Run(null, _ => answers.Dequeue(), "staff", "add", "maria", "--db", Db);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the two passwords differ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maria", "short", "at least 12 characters")]
    [InlineData("maria", "maria-password-2026", "must not contain the user name")]
    [InlineData("no spaces allowed", "a long enough password", "a user name is 2 to 64")]
    public void WeakPasswordsAndBadNamesAreRefused(string user, string password, string expected)
    {
        var run = Run(password, null, "staff", "add", user, "--password-stdin", "--db", Db);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExistingNameIsRefused()
    {
        Run("a long enough password", null, "staff", "add", "maria", "--password-stdin", "--db", Db);

        var again = Run("another long password", null, "staff", "add", "Maria", "--password-stdin", "--db", Db);

        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListShowsLockOutsAndUnlockEndsThem()
    {
        Run("a long enough password", null, "staff", "add", "maria", "--password-stdin", "--db", Db);
        var store = new SqliteStaffAccountStore(new SqliteDatabase(Db));
        for (var i = 0; i < 5; i++)
        {
            await store.RecordFailureAsync("maria", 5, Clock.GetUtcNow().AddMinutes(15), CancellationToken.None);
        }

        var locked = Run(null, null, "staff", "list", "--db", Db);
        var unlock = Run(null, null, "staff", "unlock", "maria", "--db", Db);
        var unlocked = Run(null, null, "staff", "list", "--db", Db);
        var unknown = Run(null, null, "staff", "unlock", "nobody", "--db", Db);

        Assert.Contains("2026-11-24 16:15", locked.Output, StringComparison.Ordinal);
        Assert.Equal(0, unlock.ExitCode);
        Assert.DoesNotContain("2026-11-24 16:15", unlocked.Output, StringComparison.Ordinal);
        Assert.Null((await store.FindAsync("maria", CancellationToken.None))!.LockedOutUntil);
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.DoesNotContain("AQAAAA", locked.Output, StringComparison.Ordinal); // never a hash
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
