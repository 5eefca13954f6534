using Chatbot.BotFramework.Schema;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Publishing;
using Chatbot.Testing;
using Chatbot.Knowledge;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Knowledge;

/// <summary>
/// The real host on a private copy of the small fixture dataset (6 intents + out_of_scope; <c>faq/parking</c> has
/// <c>faq/cost</c> as a follow-up, so a reply's text and button come from two entries). The fixture model is trained
/// once per test run and copied in, so each host starts in about a second.
/// </summary>
public sealed class LiveReloadFactory : ChatbotAppFactory
{
    public const string ParkingQuestion = "where do i park";
    public const string ParkingAnswer = "The approved answer for faq/parking.";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly bool _ownsRoot;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="root">Reuse the folders of an earlier host (a restart); a fresh copy when null.</param>
    /// <param name="settings">Extra configuration.</param>
    /// <param name="services">Extra service replacements.</param>
    public LiveReloadFactory(string? root = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _ownsRoot = root is null;
        Root = root ?? CopyTemplate();
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Chatbot:Faq:DataFolder"] = DataFolder,
            ["Chatbot:Faq:ModelFolder"] = ModelFolder,
            ["Chatbot:Publishing:Debounce"] = "00:00:00.100",

            // 190 examples in 5 folds: one added example moves macro-F1 by a few points from re-dealt folds alone.
            ["Chatbot:Publishing:MacroF1Tolerance"] = "0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Root { get; }

    /// <summary>Keep <see cref="Root"/> after disposal, to start another host on the same folders (a restart).</summary>
    public bool KeepFolders { get; set; }

    public string DataFolder => Path.Combine(Root, "faq-data");

    public string ModelFolder => Path.Combine(Root, "models");

    public IFaqPublishing Publishing => Services.GetRequiredService<IFaqPublishing>();

    protected override IDictionary<string, string?> Settings => _settings;

    /// <summary>Starts the host and waits until its first version is published and nothing is running.</summary>
    public async Task<LiveReloadFactory> StartAsync()
    {
        await KnowledgeReady.WaitAsync(Services);
        await WaitUntilAsync(() => Publishing.CurrentVersion is not null && !Publishing.IsBusy, "the first publish");
        return this;
    }

    public BotClient Client() => new(CreateClient());

    /// <summary>The bot's first message reply to <paramref name="text"/> in a new conversation.</summary>
    public async Task<Activity> AskAsync(string text) =>
        (await Client().SayAsync(text)).First(a => a.Type == ActivityTypes.Message);

    /// <summary>Rewrites one entry of a topic file, as a person saving in an editor does.</summary>
    public void Edit(string file, string id, Action<JObject> edit)
    {
        var path = Path.Combine(DataFolder, file);
        var topic = JObject.Parse(File.ReadAllText(path));
        edit((JObject)((JArray)topic["entries"]!).Single(e => (string)e["id"]! == id));
        File.WriteAllText(path, topic.ToString(Formatting.Indented));
    }

    /// <summary>Gives the parking answer and the title of its follow-up (faq/cost) the same marker.</summary>
    public void MarkParking(string marker, string? newExample = null)
    {
        Edit("clinic.json", "faq/parking", e =>
        {
            e["answer"] = $"{ParkingAnswer} [{marker}]";
            if (newExample is not null)
            {
                ((JArray)e["examples"]!).Add(newExample);
            }
        });
        Edit("clinic.json", "faq/cost", e => e["title"] = $"Title of cost [{marker}]");
    }

    /// <summary>Polls until <paramref name="condition"/> holds (three minutes at most: training runs on a loaded machine).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    /// <summary>Polls the bot until it answers <paramref name="question"/> with <paramref name="answer"/>.</summary>
    public async Task WaitForAnswerAsync(string question, string answer)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var reply = await AskAsync(question);
            if (reply.Text == answer)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for the answer '{answer}'; the bot still says '{reply.Text}'. Last report: {Publishing.LastReport} {string.Join(" | ", Publishing.LastReport?.Reasons ?? [])}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until a report newer than <paramref name="previous"/> arrives.</summary>
    public async Task<PublishReport> NextReportAsync(PublishReport? previous)
    {
        await WaitUntilAsync(() => Publishing.LastReport is { } r && r.Id != previous?.Id && !Publishing.IsBusy, "a publish report");
        return Publishing.LastReport!;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        // Publishing is what these hosts test: the safety gate's learned layer (trained on this small data set's
        // questions) would only compete with the retrains for the CPU, so they run the gate's rules alone.
        foreach (var loader in services.Where(d => d.ImplementationType == typeof(Chatbot.Safety.SafetyModelLoader)).ToList())
        {
            services.Remove(loader);
        }

        _services?.Invoke(services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsRoot && !KeepFolders)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // REVIEW: a leftover temp folder is harmless.
            }
        }
    }

    private static string CopyTemplate()
    {
        var root = Path.Combine(Path.GetTempPath(), "live-reload-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(Template.Value, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(Template.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }

    private static string CreateTemplate()
    {
        var root = Path.Combine(Path.GetTempPath(), "live-reload-template-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // REVIEW: a leftover temp folder is harmless.
            }
        };
        var data = Path.Combine(root, "faq-data");
        FaqFixture.WriteDataset(data);
        var path = Path.Combine(data, "clinic.json");
        var topic = JObject.Parse(File.ReadAllText(path));
        ((JArray)topic["entries"]!).Single(e => (string)e["id"]! == "faq/parking")["followUps"] = new JArray("faq/cost");
        File.WriteAllText(path, topic.ToString(Formatting.Indented));

        // The working model, trained as the host would (product pipeline): the host finds it up to date and reuses it.
        new IntentModelStore(TimeProvider.System).LoadOrTrain(data, Path.Combine(root, "models")).Classifier.Dispose();
        return root;
    }
}
