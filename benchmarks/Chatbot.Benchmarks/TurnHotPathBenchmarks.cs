using Chatbot.Faq.Answering;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Chatbot.BotFramework.Integration;
using Chatbot.BotFramework.Schema;
using Chatbot.Conversation;
using Chatbot.Faq.Classification;
using Chatbot.Privacy;
using Chatbot.Faq.Safety;
using Chatbot.Clinic.Storage;

namespace Chatbot.Benchmarks;

/// <summary>
/// The per-turn hot path of <c>POST /api/messages</c>, one question per operation, averaged over a fixed sample of
/// <see cref="BenchmarkQuestions.Count"/> questions. The baseline is the JSON work every request does: parsing the
/// request body into an <see cref="Activity"/> (as <see cref="ActivityReader"/> does) and serializing the bot's real
/// expectReplies answer with <see cref="BotJson"/> (as the adapter does). The turn benchmarks run the whole
/// <see cref="ClinicBot"/> turn in-process (no HTTP, no JSON).
/// </summary>
[MemoryDiagnoser]
public class TurnHotPathBenchmarks
{
    private const int Ops = BenchmarkQuestions.Count;

    private string[] _texts = [];
    private byte[][] _requests = [];
    private Activity[] _activities = [];
    private ExpectedReplies[] _replies = [];
    private string[] _stateKeys = [];
    private long _invocation;
    private InProcessBot? _inMemory;
    private InProcessBot? _sqlite;
    private IIntentClassifier? _classifier;
    private readonly SafetyRules _gate = new();
    private readonly PersonalDataRedactor _redactor = new();

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkQuestions.Load();
        _requests = [.. _texts.Select(BenchmarkQuestions.RequestBody)];
        _activities = [.. _requests.Select(r => ActivityReader.Parse(r))];
        _stateKeys = [.. _activities.Select(a => $"{Uri.EscapeDataString(a.ChannelId ?? "unknown")}/conversations/{a.Conversation?.Id ?? "unknown"}")];
        _inMemory = new InProcessBot(BenchmarkQuestions.RepositoryRoot, StorageProvider.InMemory);
        _sqlite = new InProcessBot(BenchmarkQuestions.RepositoryRoot, StorageProvider.Sqlite);
        _classifier = _inMemory.Knowledge.Classifier;

        // The bot's real answers, for the JSON baseline; this also warms both state stores.
        _replies = [.. _activities.Select(a => new ExpectedReplies { Activities = [.. _inMemory.TurnAsync(a).GetAwaiter().GetResult()] })];
        foreach (var activity in _activities)
        {
            _sqlite.TurnAsync(activity).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _inMemory?.Dispose();
        _sqlite?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops, Description = "JSON: parse request + serialize reply (BotJson)")]
    public int ActivityJsonRoundTrip()
    {
        var bytes = 0;
        for (var i = 0; i < Ops; i++)
        {
            var activity = ActivityReader.Parse(_requests[i]);
            bytes += activity.Text!.Length + Encoding.UTF8.GetBytes(BotJson.Serialize(_replies[i])).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "SafetyGate.Assess")]
    public int SafetyGateAssess()
    {
        var fired = 0;
        for (var i = 0; i < Ops; i++)
        {
            fired += _gate.Assess(_texts[i]).Risk == SafetyRisk.None ? 0 : 1;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "PersonalDataRedactor.Redact")]
    public int RedactorRedact()
    {
        var length = 0;
        for (var i = 0; i < Ops; i++)
        {
            length += _redactor.Redact(_texts[i]).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "IIntentClassifier.Classify")]
    public float ClassifierClassify()
    {
        var sum = 0f;
        for (var i = 0; i < Ops; i++)
        {
            sum += _classifier!.Classify(_texts[i]).Best.Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "State load+save, InMemory")]
    public Task StateLoadSaveInMemory() => LoadSaveAsync(_inMemory!.State);

    [Benchmark(OperationsPerInvoke = Ops, Description = "State load+save, SQLite")]
    public Task StateLoadSaveSqlite() => LoadSaveAsync(_sqlite!.State);

    [Benchmark(OperationsPerInvoke = Ops, Description = "Whole ClinicBot turn, InMemory")]
    public async Task<int> TurnInMemory()
    {
        var replies = 0;
        for (var i = 0; i < Ops; i++)
        {
            replies += (await _inMemory!.TurnAsync(NextTurn(i))).Count;
        }

        return replies;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "Whole ClinicBot turn, SQLite")]
    public async Task<int> TurnSqlite()
    {
        var replies = 0;
        for (var i = 0; i < Ops; i++)
        {
            replies += (await _sqlite!.TurnAsync(NextTurn(i))).Count;
        }

        return replies;
    }

    /// <summary>
    /// The activity for question <paramref name="i"/>, in a conversation of ten turns (as in the load benchmark), new
    /// at every invocation: no conversation piles up fallbacks, hand-offs or booking steps across iterations.
    /// </summary>
    private Activity NextTurn(int i)
    {
        if (i == 0)
        {
            _invocation++;
        }

        var activity = _activities[i];
        activity.Conversation = new ConversationAccount { Id = string.Create(CultureInfo.InvariantCulture, $"bench-{_invocation}-{i / 10}") };
        return activity;
    }

    private async Task LoadSaveAsync(ConversationStateAccessor state)
    {
        for (var i = 0; i < Ops; i++)
        {
            var (value, etag) = await state.LoadAsync(_stateKeys[i], CancellationToken.None);
            value.ConsecutiveFallbacks++;
            await state.SaveAsync(_stateKeys[i], value, etag, CancellationToken.None);
        }
    }
}
