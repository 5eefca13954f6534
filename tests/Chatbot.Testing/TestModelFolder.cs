using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Embeddings;
using Chatbot.Faq.Safety;

namespace Chatbot.Testing;

/// <summary>
/// Where test hosts keep the models they train for a dataset: a folder under the system temp directory
/// (<c>chatbot-tests/models/&lt;dataset key&gt;</c>), never the repository. The key is a hash of the data folder's
/// topic files, so every run on one machine reuses the models of an unchanged dataset (trained once, then loaded), and an
/// edited dataset, or another checkout's, gets a folder of its own. Old folders are safe to delete at any time.
/// </summary>
/// <remarks>
/// Hosts do not race on the first training. A host that finds no model trains one itself, without a lock (only its
/// publish step takes the folder's publish lock), so test hosts starting at once on an empty folder would each train
/// the same model, and test projects run in parallel processes. So <see cref="For"/> trains (or checks) the intent
/// model and the safety model (<c>safety/</c>) first, once per process, under a lock file that other test processes
/// wait on: every host then finds both up to date and loads them.
/// </remarks>
public static class TestModelFolder
{
    /// <summary>The root of every test model folder: <c>&lt;temp&gt;/chatbot-tests/models</c>.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "chatbot-tests", "models");

    /// <summary>How long a test process waits for another one that is training the same folder.</summary>
    public static readonly TimeSpan TrainingWait = TimeSpan.FromMinutes(30);

    private const string LockFileName = ".test-training.lock";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// The model folder for the dataset in <paramref name="dataFolder"/>, with an intent model and a safety model up to
    /// date with it (trained on the first call of a machine, checked on the first call of a process).
    /// </summary>
    public static string For(string dataFolder) =>
        Prepared.GetOrAdd(Path.GetFullPath(dataFolder), data => new Lazy<string>(() => Prepare(data))).Value;

    private static string Prepare(string dataFolder)
    {
        var folder = Path.Combine(Root, DatasetKey(dataFolder));
        Directory.CreateDirectory(folder);
        using (Lock(Path.Combine(folder, LockFileName)))
        {
            // As the host would (the product pipeline): the host then finds the model up to date and reuses it.
            new IntentModelStore(TimeProvider.System).LoadOrTrain(dataFolder, folder).Classifier.Dispose();
            var questions = new FaqDatasetLoader().Load(dataFolder).Examples.Select(e => e.Text).ToList();
            SafetyModel.LoadOrTrain(Path.Combine(folder, "safety"), SentenceEmbedder.Shared, TimeProvider.System, questions).Dispose();
        }

        return folder;
    }

    private static FileStream Lock(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) between .NET processes on Linux and macOS.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TrainingWait)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>The first 16 hex digits of a SHA-256 over the data folder's topic files (names and contents; not its tests/ or README).</summary>
    public static string DatasetKey(string dataFolder)
    {
        var root = Path.GetFullPath(dataFolder);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(root, "*.json", SearchOption.TopDirectoryOnly)
            .Select(file => (Name: Path.GetRelativePath(root, file).Replace('\\', '/'), Path: file))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
        foreach (var (name, path) in files)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var content = File.ReadAllBytes(path);
            hash.AppendData(BitConverter.GetBytes(nameBytes.Length));
            hash.AppendData(nameBytes);
            hash.AppendData(BitConverter.GetBytes(content.Length));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
