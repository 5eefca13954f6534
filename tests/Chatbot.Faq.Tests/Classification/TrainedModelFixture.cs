using Chatbot.Faq.Classification;
using Chatbot.Testing;

namespace Chatbot.Faq.Tests.Classification;

/// <summary>One model trained on the fixture examples, shared by the classifier tests (training once keeps the suite fast).</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Model = new IntentModelTrainer().Fit(FaqFixture.Examples);
        Metadata = new ModelMetadata
        {
            DatasetHash = "test-hash",
            PipelineSignature = new IntentModelOptions().Signature,
            CreatedAt = DateTimeOffset.UnixEpoch,
            Intents = Model.Labels,
            ExampleCount = FaqFixture.Examples.Count,
            Thresholds = new IntentThresholds(0.5f, 0.2f),
            Metrics = new ModelMetrics(0, 0, 0, null, null, 0, 0),
            MlNetVersion = IntentModelTrainer.MlNetVersion,
        };
        Classifier = new IntentClassifier(Model, Metadata);
    }

    public IntentModel Model { get; }

    public ModelMetadata Metadata { get; }

    public IntentClassifier Classifier { get; }

    public void Dispose() => Classifier.Dispose();
}
