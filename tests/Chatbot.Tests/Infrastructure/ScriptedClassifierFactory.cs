using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Chatbot.Tests.Infrastructure;

/// <summary>
/// The real host with the real approved entries, but a classifier whose predictions each test scripts: the answer
/// policy's branches (close calls, low confidence, clinician referral at any score) become deterministic.
/// </summary>
public class ScriptedClassifierFactory : ChatbotAppFactory
{
    public static readonly IntentThresholds Thresholds = new(Answer: 0.6f, Clarify: 0.25f);

    public Mock<IIntentClassifier> Classifier { get; } = new(MockBehavior.Strict);

    public FaqCatalog Catalog { get; } = new(new FaqDatasetLoader().Load(FaqDataFolder.Path).Entries);

    /// <summary>The host's clock: Tuesday 24 November 2026, 10:00 in Chicago (clinic open).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));

    /// <summary>Further replacements for a derived factory.</summary>
    protected virtual void ConfigureMoreServices(IServiceCollection services)
    {
    }

    /// <summary>Makes the classifier answer the next questions with these scores.</summary>
    public void Predict(params (string Intent, float Score)[] top)
    {
        var scores = top.Select(t => new IntentScore(t.Intent, t.Score)).ToList();
        var prediction = new IntentPrediction(scores, scores.Count == 0 || scores[0].Intent == FaqEntry.OutOfScopeId || scores[0].Score < Thresholds.Clarify, Thresholds, "scripted");
        Classifier.Setup(c => c.Classify(It.IsAny<string>())).Returns(prediction);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        // No background loading: the knowledge is published here, with the scripted classifier.
        services.RemoveAll<IHostedService>();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        var provider = new FaqKnowledgeProvider();
        provider.Publish(new FaqKnowledge(Catalog, Classifier.Object, "scripted"));
        services.RemoveAll<FaqKnowledgeProvider>();
        services.AddSingleton(provider);
        ConfigureMoreServices(services);
    }
}
