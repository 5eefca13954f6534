using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Faq.Tests.Classification;

/// <summary>Trains the fixture model once; tests that need an existing model start from a copy of it.</summary>
public sealed class SavedModelFixture : IDisposable
{
    private readonly FaqFixture _fixture = new();

    public SavedModelFixture() => Store.LoadOrTrain(_fixture.DataFolder, _fixture.ModelFolder).Classifier.Dispose();

    public static IntentModelStore Store { get; } = new(
        new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)), new IntentModelOptions { Folds = 3 });

    public void CopyModelTo(string modelFolder)
    {
        Directory.CreateDirectory(modelFolder);
        foreach (var file in Directory.GetFiles(_fixture.ModelFolder))
        {
            File.Copy(file, Path.Combine(modelFolder, Path.GetFileName(file)), overwrite: true);
        }
    }

    public void Dispose() => _fixture.Dispose();
}

public sealed class IntentModelStoreTests(SavedModelFixture saved) : IClassFixture<SavedModelFixture>, IDisposable
{
    private readonly FaqFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private IntentModelLoadResult LoadOrTrain() => SavedModelFixture.Store.LoadOrTrain(_fixture.DataFolder, _fixture.ModelFolder);

    /// <summary>Puts the model trained (once) on identical fixture data into this test's model folder.</summary>
    private void WithSavedModel() => saved.CopyModelTo(_fixture.ModelFolder);

    [Fact]
    public void FreshCloneTrainsThenLoadsTheSavedModel()
    {
        var first = LoadOrTrain();
        first.Classifier.Dispose();
        var second = LoadOrTrain();

        Assert.True(first.Trained);
        Assert.Contains("No trained model yet", first.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fixture.ModelFolder, "model.zip")));
        Assert.True(File.Exists(Path.Combine(_fixture.ModelFolder, "model.json")));
        Assert.Empty(Directory.GetFiles(_fixture.ModelFolder, "*.tmp"));
        Assert.False(second.Trained);
        Assert.Equal(first.Dataset.ContentHash, second.Classifier.ModelVersion);
        Assert.Equal("faq/parking", second.Classifier.Classify("where do i park").Best.Intent);
        Assert.NotNull(second.Catalog.Find("faq/parking"));

        var metadata = second.Classifier.Metadata;
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), metadata.CreatedAt);
        Assert.Equal(7, metadata.Intents.Count);
        Assert.InRange(metadata.Thresholds.Clarify, 0.2f, metadata.Thresholds.Answer);
        Assert.InRange(metadata.Thresholds.Answer, 0.5f, 0.99f);
        Assert.True(metadata.Metrics.MacroF1 > 0.6, $"macro-F1 {metadata.Metrics.MacroF1}");
        Assert.False(string.IsNullOrEmpty(metadata.MlNetVersion));
        second.Classifier.Dispose();
    }

    [Fact]
    public void ChangedDataMakesTheModelStale()
    {
        WithSavedModel();
        var path = Path.Combine(_fixture.DataFolder, "clinic.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("is there parking", "is there any parking", StringComparison.Ordinal));

        using var result = new DisposableResult(LoadOrTrain());

        Assert.True(result.Value.Trained);
        Assert.Contains("changed", result.Value.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("corrupt")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("json-garbage")]
    [InlineData("zip-deleted")]
    public void DamagedModelFilesAreReportedAndRetrained(string damage)
    {
        WithSavedModel();
        var zip = Path.Combine(_fixture.ModelFolder, "model.zip");
        var json = Path.Combine(_fixture.ModelFolder, "model.json");
        switch (damage)
        {
            case "corrupt":
                var bytes = File.ReadAllBytes(zip);
                Array.Fill(bytes, (byte)0x42, bytes.Length / 3, 200);
                File.WriteAllBytes(zip, bytes);
                break;
            case "truncated":
                var all = File.ReadAllBytes(zip);
                File.WriteAllBytes(zip, all[..(all.Length / 2)]);
                break;
            case "empty":
                File.WriteAllBytes(zip, []);
                break;
            case "json-garbage":
                File.WriteAllText(json, "{ this is not json");
                break;
            case "zip-deleted":
                File.Delete(zip);
                break;
        }

        using var result = new DisposableResult(LoadOrTrain());

        Assert.True(result.Value.Trained);
        Assert.Equal("faq/parking", result.Value.Classifier.Classify("where do i park").Best.Intent);
        Assert.NotNull(IntentClassifier.Load(_fixture.ModelFolder));
    }

    [Fact]
    public void LoadingACorruptModelDirectlyGivesAClearError()
    {
        WithSavedModel();
        var zip = Path.Combine(_fixture.ModelFolder, "model.zip");
        File.WriteAllBytes(zip, File.ReadAllBytes(zip)[..100]);

        var ex = Assert.Throws<IntentModelException>(() => IntentClassifier.Load(_fixture.ModelFolder));

        Assert.Equal(ModelProblem.Corrupt, ex.Problem);
        Assert.Contains("damaged or truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipThatIsNotAModelGivesAClearErrorEvenWithoutAHash()
    {
        Directory.CreateDirectory(_fixture.ModelFolder);
        File.WriteAllText(Path.Combine(_fixture.ModelFolder, "model.json"), "{ \"datasetHash\": \"x\" }");
        File.WriteAllText(Path.Combine(_fixture.ModelFolder, "model.zip"), "not a zip at all");

        var ex = Assert.Throws<IntentModelException>(() => IntentClassifier.Load(_fixture.ModelFolder));

        Assert.Equal(ModelProblem.Corrupt, ex.Problem);
        Assert.Contains("cannot be loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDataWithoutAModelThrowsWithTheIssues()
    {
        File.WriteAllText(Path.Combine(_fixture.DataFolder, "broken.json"), "{ oops");

        var ex = Assert.Throws<FaqDatasetInvalidException>(LoadOrTrain);

        Assert.Contains(ex.Issues, i => i.Code == IssueCodes.InvalidJson && i.File == "faq-data/broken.json");
        Assert.Contains("faq-data/broken.json:1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDataKeepsThePreviousModel()
    {
        WithSavedModel();
        var path = Path.Combine(_fixture.DataFolder, "clinic.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"patient\"", "\"patients\"", StringComparison.Ordinal));

        using var result = new DisposableResult(LoadOrTrain());

        Assert.False(result.Value.Trained);
        Assert.Contains("previous model is kept", result.Value.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Value.Issues, i => i.IsError);
    }

    private sealed class DisposableResult(IntentModelLoadResult value) : IDisposable
    {
        public IntentModelLoadResult Value { get; } = value;

        public void Dispose() => Value.Classifier.Dispose();
    }
}
