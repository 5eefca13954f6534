using Chatbot.Faq.Dataset;
using Chatbot.Faq.Publishing;

namespace Chatbot.Faq.Tests.Publishing;

public sealed class PublishGateTests
{
    private static readonly TestConversation[] Tests =
    [
        new("where do i park", "faq/parking", 3, 5),
        new("how much is it", "faq/cost", 4, 5),
        new("tell me about football", "out_of_scope", 5, 5),
    ];

    private static StaffTestRun Run(params bool[] passed) =>
        new(Tests, passed.Select((p, i) => p ? Tests[i].Intent : "faq/other").ToList(), passed);

    [Fact]
    public void WithNothingPublishedTheCandidateIsAccepted()
    {
        var result = new PublishGate().Evaluate(new GateInput(0.5, Run(false, false, false)), published: null);

        Assert.True(result.Accepted);
        Assert.Contains("Nothing was published before", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void MacroF1DropBeyondToleranceIsRejectedWithBothFigures()
    {
        var result = new PublishGate().Evaluate(new GateInput(0.70, Run(true, true, true)), new GateInput(0.75, Run(true, true, true)));

        Assert.False(result.Accepted);
        Assert.Contains(result.Reasons, r => r.Contains("Macro-F1 would drop from 0.750 to 0.700", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.73)]
    [InlineData(0.72)]
    [InlineData(0.80)]
    public void MacroF1WithinToleranceIsAccepted(double candidate)
    {
        var result = new PublishGate().Evaluate(new GateInput(candidate, Run(true, true, true)), new GateInput(0.74, Run(true, true, true)));

        Assert.True(result.Accepted, string.Join("\n", result.Reasons));
    }

    [Fact]
    public void UnknownMacroF1IsLeftToTheBackgroundCrossValidation()
    {
        var result = new PublishGate().Evaluate(new GateInput(null, Run(true, true, true)), new GateInput(0.9, Run(true, true, true)));

        Assert.True(result.Accepted);
        Assert.Contains(result.Reasons, r => r.Contains("rolled back automatically", StringComparison.Ordinal));
    }

    [Fact]
    public void ATestThatPassesTodayAndWouldFailIsRejectedAndNamed()
    {
        var result = new PublishGate().Evaluate(new GateInput(0.8, Run(false, true, true)), new GateInput(0.8, Run(true, true, true)));

        Assert.False(result.Accepted);
        var failure = Assert.Single(result.NewFailures);
        Assert.Equal("where do i park", failure.Text);
        Assert.Contains(result.Reasons, r => r.Contains("\"where do i park\" should get faq/parking but would get faq/other (tests/test-conversations.json line 3)", StringComparison.Ordinal));
    }

    [Fact]
    public void ATestThatAlreadyFailsDoesNotBlock()
    {
        var result = new PublishGate().Evaluate(new GateInput(0.8, Run(false, true, true)), new GateInput(0.8, Run(false, true, true)));

        Assert.True(result.Accepted);
        Assert.Empty(result.NewFailures);
    }

    [Fact]
    public void StaffTestToleranceAllowsThatManyNewFailures()
    {
        var gate = new PublishGate(new PublishGateOptions { StaffTestTolerance = 1 });

        Assert.True(gate.Evaluate(new GateInput(0.8, Run(false, true, true)), new GateInput(0.8, Run(true, true, true))).Accepted);
        Assert.False(gate.Evaluate(new GateInput(0.8, Run(false, false, true)), new GateInput(0.8, Run(true, true, true))).Accepted);
    }
}
