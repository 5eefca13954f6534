using Chatbot.Faq.Dataset;
using Chatbot.Faq.Embeddings;
using Chatbot.Faq.Safety;

namespace Chatbot.Faq.Tests.Safety;

/// <summary>The product gate with its learned layer, trained once per test run (in memory) on the shipped corpus.</summary>
public sealed class SafetyGateFixture : IDisposable
{
    public SafetyGateFixture()
    {
        var root = FaqPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run inside the repository");
        FaqFolder = Path.Combine(root, "faq-data");
        FaqQuestions = new FaqDatasetLoader().Load(FaqFolder).Examples.Select(e => e.Text).ToList();
        Holder.Set(SafetyModel.LoadOrTrain(null, SentenceEmbedder.Shared, TimeProvider.System, FaqQuestions));
        Gate = new SafetyGate(new SafetyRules(), Holder);
        Evaluation = CrisisCorpus.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Safety", "crisis-evaluation.json")));
    }

    public SafetyModelHolder Holder { get; } = new();

    public SafetyGate Gate { get; }

    public IReadOnlyList<string> FaqQuestions { get; }

    public string FaqFolder { get; }

    /// <summary>The held-out set, written from other sources than the training corpus.</summary>
    public CrisisCorpus Evaluation { get; }

    public void Dispose() => Holder.Dispose();
}
