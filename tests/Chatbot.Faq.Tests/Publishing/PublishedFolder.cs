using Chatbot.Faq.Classification;
using Chatbot.Faq.Publishing;
using Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Tests.Publishing;

/// <summary>
/// The fixture dataset (with <c>faq/parking</c> → <c>faq/cost</c> as a follow-up) published once; each test works on
/// its own copy of the data and model folders (<see cref="Copy"/>), so training happens once per test class.
/// </summary>
public sealed class PublishedFolder : IDisposable
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));

    public static readonly IntentModelOptions ModelOptions = new() { Folds = 3 };

    private readonly FaqFixture _fixture = new();

    public PublishedFolder()
    {
        Edit(_fixture.DataFolder, "clinic.json", "faq/parking", e => e["followUps"] = new JArray("faq/cost"));
        FirstReport = Publisher().Publish(_fixture.DataFolder, _fixture.ModelFolder, PublishTrigger.Cli, "setup").Report;
    }

    public PublishReport FirstReport { get; }

    public static FaqPublisher Publisher(FaqPublisherOptions? options = null, IVersionStoreFileSystem? fileSystem = null) =>
        new(Clock, options, ModelOptions, fileSystem);

    /// <summary>Rewrites one entry of a topic file.</summary>
    public static void Edit(string dataFolder, string file, string id, Action<JObject> edit)
    {
        var path = Path.Combine(dataFolder, file);
        var topic = JObject.Parse(File.ReadAllText(path));
        edit((JObject)((JArray)topic["entries"]!).Single(e => (string)e["id"]! == id));
        File.WriteAllText(path, topic.ToString(Formatting.Indented));
    }

    /// <summary>A private copy of the published data and model folders.</summary>
    public Copy CopyForTest() => new(_fixture.Root);

    public void Dispose() => _fixture.Dispose();

    public sealed class Copy : IDisposable
    {
        public Copy(string from)
        {
            Root = Path.Combine(Path.GetTempPath(), "publish-test-" + Guid.NewGuid().ToString("N"));
            CopyTree(from, Root);
        }

        public string Root { get; }

        public string DataFolder => Path.Combine(Root, "faq-data");

        public string ModelFolder => Path.Combine(Root, "models");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var folder in Directory.GetDirectories(from))
            {
                CopyTree(folder, Path.Combine(to, Path.GetFileName(folder)));
            }
        }
    }
}
