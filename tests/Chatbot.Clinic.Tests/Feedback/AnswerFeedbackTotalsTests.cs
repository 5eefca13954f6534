using Chatbot.Clinic.Feedback;

namespace Chatbot.Clinic.Tests.Feedback;

public sealed class AnswerFeedbackTotalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EntriesAreAddedUpAcrossModelVersionsMostNotHelpfulFirstThenMostVotesThenById()
    {
        var entries = AnswerFeedbackTotals.ByEntry(
        [
            new AnswerFeedbackCount("faq/hours", "v1", 9, 0, Now.AddDays(-1)),
            new AnswerFeedbackCount("faq/cost", "v1", 1, 2, Now.AddDays(-3)),
            new AnswerFeedbackCount("faq/cost", "v2", 0, 1, Now.AddDays(-2)),
            new AnswerFeedbackCount("faq/parking", "v2", 4, 3, Now),
            new AnswerFeedbackCount("faq/address", "v2", 1, 0, Now),
            new AnswerFeedbackCount("faq/billing", "v2", 1, 0, Now),
        ]);

        // parking and cost tie on 3 👎: parking has more votes. address and billing tie on everything but the id.
        Assert.Equal(["faq/parking", "faq/cost", "faq/hours", "faq/address", "faq/billing"], entries.Select(e => e.Intent));
        var cost = entries[1];
        Assert.Equal((1, 3, 4, Now.AddDays(-2)), (cost.Helpful, cost.NotHelpful, cost.Total, cost.LastVotedAt));
        Assert.Equal(["v2", "v1"], cost.ModelVersions);
        Assert.Equal(0.25, cost.HelpfulShare);
    }

    [Fact]
    public void NoCountsAreNoEntries()
    {
        Assert.Empty(AnswerFeedbackTotals.ByEntry([]));
    }
}
