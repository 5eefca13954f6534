using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Handoffs;
using Chatbot.Patients.Handoff;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Testing;

namespace Chatbot.Tests.Handoff;

/// <summary>
/// Two instances of the bot sharing one SQLite file, as several instances share a database: the patient talks to one,
/// the staff member to the other, and nothing of the live chat lives in either process's memory.
/// </summary>
[Collection(SqliteFilesCollection.Name)]
public sealed class LiveHandoffInstancesTests : IAsyncLifetime
{
    private const string Thread = TeamsFixtures.ChannelId + ";messageid=1764000888000";
    private readonly string _database = Path.Combine(Path.GetTempPath(), "live-handoff-" + Guid.NewGuid().ToString("N"), "chatbot.db");
    private SharedFileFactory _patientSide = null!;
    private SharedFileFactory _staffSide = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _patientSide = new SharedFileFactory(_database);
        _staffSide = new SharedFileFactory(_database);
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _patientSide.DisposeAsync();
        await _staffSide.DisposeAsync();
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

    [Fact]
    public async Task APatientOnOneInstanceAndStaffOnAnotherChatThroughTheSharedStore()
    {
        var patient = await new DirectLineClient(_patientSide.CreateClient()).StartAsync();
        _patientSide.Predict(("handoff/human", 0.95f));
        await patient.SayAsync("can I talk to a person");
        var reference = (await _staffSide.Services.GetRequiredService<ILiveHandoffStore>().ListOpenAsync(10, default)).Single().Reference;

        Assert.Contains($"You have **{reference}**", (await StaffSaysAsync("take " + reference))[0].Text, StringComparison.Ordinal);
        await StaffSaysAsync("Hello from the other instance");
        Assert.Contains("**Sam (clinic staff):** Hello from the other instance", string.Join("\n", (await patient.PollAsync()).Select(a => a.Text)), StringComparison.Ordinal);

        Assert.Empty(await patient.SayAsync("thanks, one question"));
        await _connector.WaitForAsync(r => ((string?)r.Body["text"] ?? string.Empty).Contains("thanks, one question", StringComparison.Ordinal));

        await StaffSaysAsync("end");
        Assert.Contains("back with the virtual assistant", string.Join("\n", (await patient.PollAsync()).Select(a => a.Text)), StringComparison.Ordinal);
        _patientSide.Predict(("faq/infusion_duration", 0.95f));
        Assert.NotEmpty(await patient.SayAsync("how long is an infusion"));
    }

    [Fact]
    public async Task BothInstancesSweepingTimeOutEachHandOffOnce()
    {
        var patient = await new DirectLineClient(_patientSide.CreateClient()).StartAsync();
        _patientSide.Predict(("handoff/human", 0.95f));
        await patient.SayAsync("can I talk to a person");
        _patientSide.Clock.Advance(TimeSpan.FromMinutes(6));
        _staffSide.Clock.Advance(TimeSpan.FromMinutes(6));

        var swept = await Task.WhenAll(
            _patientSide.Services.GetRequiredService<LiveHandoffEnding>().SweepAsync(default),
            _staffSide.Services.GetRequiredService<LiveHandoffEnding>().SweepAsync(default));
        Assert.Equal(1, swept.Sum());
        Assert.Single(await patient.PollAsync(), a => a.Text!.Contains("nobody from our team was free", StringComparison.Ordinal));
    }

    private Task<IReadOnlyList<Activity>> StaffSaysAsync(string text)
    {
        var activity = TeamsFixtures.Channel(text).WithServiceUrl(_connector.ServiceUrl);
        activity["conversation"]!["id"] = Thread;
        return _staffSide.SendAsync(activity);
    }

    private sealed class SharedFileFactory(string path) : TeamsTestFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Chatbot:Storage:Provider"] = "Sqlite",
            ["Chatbot:Storage:SqlitePath"] = path,
        };
    }
}
