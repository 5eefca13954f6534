using Chatbot.Faq.Classification;
using Chatbot.Testing;

namespace Chatbot.Faq.Tests.Classification;

public sealed class IntentModelEvaluatorTests
{
    [Fact]
    public void FoldsAreStratifiedAndSeeded()
    {
        var examples = FaqFixture.Examples;

        var folds = IntentModelEvaluator.AssignFolds(examples, 5, seed: 1);
        var again = IntentModelEvaluator.AssignFolds(examples, 5, seed: 1);

        Assert.Equal(folds, again);
        foreach (var group in examples.Select((e, i) => (e.Label, Fold: folds[i])).GroupBy(x => x.Label))
        {
            var perFold = Enumerable.Range(0, 5).Select(f => group.Count(x => x.Fold == f)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{group.Key}: {string.Join(",", perFold)}");
        }

        var sizes = Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1);
    }

    [Fact]
    public void EvaluateReportsSaneMetrics()
    {
        var trainer = new IntentModelTrainer(new IntentModelOptions { Folds = 3 });

        var report = new IntentModelEvaluator(trainer).Evaluate(FaqFixture.Examples, folds: 3);

        Assert.Equal(FaqFixture.Examples.Count, report.Examples);
        Assert.True(report.Accuracy > 0.7, $"accuracy {report.Accuracy}");
        Assert.True(report.MacroF1 > 0.6, $"macro-F1 {report.MacroF1}");
        Assert.NotNull(report.OutOfScopeRecall);
        Assert.True(report.OutOfScopeRecall > 0.7, $"OOS recall {report.OutOfScopeRecall}");
        Assert.Equal(7, report.PerIntent.Count);
        Assert.Equal(report.Labels.Count, report.ConfusionMatrix.Count);
        Assert.Equal(report.Examples, report.ConfusionMatrix.Sum(r => r.Sum()));
        Assert.Equal(report.Examples - (int)Math.Round(report.Accuracy * report.Examples), report.Misclassified.Count);
        Assert.InRange(report.AnsweredCoverage + report.ClarifyRate + report.FallbackRate, 0.999, 1.001);
    }
}
