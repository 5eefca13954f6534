using System.Collections.Concurrent;
using Chatbot.Faq.Classification;
using Chatbot.Testing;

namespace Chatbot.Faq.Tests.Classification;

public sealed class IntentClassifierTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private readonly IntentClassifier _classifier = fixture.Classifier;

    [Fact]
    public void ModelNamesItsSlotsWithTheIntents()
    {
        Assert.Equal(FaqFixture.Intents.Keys.Append("out_of_scope").Order(StringComparer.Ordinal), fixture.Model.Labels);
        Assert.True(fixture.Model.OutOfScopeIndex >= 0);
    }

    [Fact]
    public void PredictsHeldInExamples()
    {
        var examples = FaqFixture.Examples;

        var right = examples.Count(e => _classifier.Classify(e.Text).Best.Intent == e.Label);

        Assert.True(right >= examples.Count * 0.9, $"{right} of {examples.Count} held-in examples right");
    }

    [Theory]
    [InlineData("how long does the infusion take?", "faq/infusion_duration")]
    [InlineData("Where can I park my car", "faq/parking")]
    [InlineData("what's the weather like tomorrow", "out_of_scope")]
    public void ClassifiesParaphrases(string question, string intent)
    {
        var prediction = _classifier.Classify(question);

        Assert.Equal(intent, prediction.Best.Intent);
        Assert.Equal(intent == "out_of_scope", prediction.IsOutOfScope);
    }

    [Fact]
    public void ReturnsTopThreeSortedWithProbabilities()
    {
        var prediction = _classifier.Classify("where do i park");

        Assert.Equal(3, prediction.Top.Count);
        Assert.True(prediction.Top[0].Score >= prediction.Top[1].Score && prediction.Top[1].Score >= prediction.Top[2].Score);
        Assert.All(prediction.Top, s => Assert.InRange(s.Score, 0f, 1f));
        Assert.Equal(3, prediction.Top.Select(s => s.Intent).Distinct().Count());
        Assert.Equal("test-hash", prediction.ModelVersion);
        Assert.Equal(fixture.Metadata.Thresholds, prediction.Thresholds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n")]
    public void EmptyInputIsOutOfScopeWithoutException(string? text)
    {
        var prediction = _classifier.Classify(text!);

        Assert.True(prediction.IsOutOfScope);
        Assert.Empty(prediction.Top);
        Assert.Equal("out_of_scope", prediction.Best.Intent);
    }

    [Theory]
    [InlineData("😀😀😀🎉")]
    [InlineData("我想预约明天的治疗")]
    [InlineData("Где припарковаться?")]
    [InlineData("\u0000\u0001\u200b")]
    [InlineData("!!!???...")]
    public void OddInputGetsADefinedPrediction(string text)
    {
        var prediction = _classifier.Classify(text);

        Assert.NotNull(prediction);
        Assert.All(prediction.Top, s => Assert.False(float.IsNaN(s.Score)));
    }

    [Fact]
    public void VeryLongInputIsTruncatedNotRejected()
    {
        var text = string.Concat(Enumerable.Repeat("where do i park ", 700)); // 11,200 characters
        var withEmojiAtCut = new string('a', 999) + "😀" + new string('b', 9000);

        var prediction = _classifier.Classify(text);
        var emoji = _classifier.Classify(withEmojiAtCut);

        Assert.Equal("faq/parking", prediction.Best.Intent);
        Assert.NotNull(emoji);
    }

    [Fact]
    public void IsThreadSafe()
    {
        var questions = FaqFixture.Examples.Take(60).ToArray();
        var expected = questions.Select(q => _classifier.Classify(q.Text).Best).ToArray();
        var mismatches = new ConcurrentBag<string>();

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var q = i % questions.Length;
            var best = _classifier.Classify(questions[q].Text).Best;
            if (best.Intent != expected[q].Intent || Math.Abs(best.Score - expected[q].Score) > 1e-5f)
            {
                mismatches.Add(questions[q].Text);
            }
        });

        Assert.Empty(mismatches);
    }

    [Fact]
    public void BatchScoresMatchSinglePredictions()
    {
        var texts = new[] { "where do i park", "hello there", "book a session" };

        var batch = fixture.Model.Score(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = _classifier.Classify(texts[i]).Best;
            var slot = fixture.Model.Labels.ToList().IndexOf(single.Intent);
            Assert.Equal(single.Score, batch[i][slot], 4);
        }
    }
}
