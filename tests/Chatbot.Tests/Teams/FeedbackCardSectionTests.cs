using Chatbot.Clinic.Feedback;
using Chatbot.Staff.Teams;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Teams;

/// <summary>The "Answer feedback" part of the staff digest, without a host.</summary>
public sealed class FeedbackCardSectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static string Text(JObject section) => Cards.Text(new JObject { ["body"] = new JArray(section) });

    [Fact]
    public void AStoreThatCouldNotBeReadIsSaidNotHidden()
    {
        Assert.Contains("Feedback unavailable", Text(FeedbackCardSection.Digest(null, 7, null)), StringComparison.Ordinal);
        Assert.Equal(("Feedback (7 days)", "unavailable"), FeedbackCardSection.EntryFact(null, "faq/cost", 7));
    }

    [Fact]
    public void AtMostFiveEntriesWithThumbsDownAreListedAndOnlyThoseWithThumbsDown()
    {
        var counts = Enumerable.Range(1, 7).Select(i => new AnswerFeedbackCount($"faq/e{i}", "m", 0, i, Now))
            .Append(new AnswerFeedbackCount("faq/liked", "m", 9, 0, Now))
            .ToList();
        var text = Text(FeedbackCardSection.Digest(new AnswerFeedbackPeriod(Now.AddDays(-7), Now, 7, counts), 7, null));

        Assert.Contains("👍 9 helpful · 👎 28 not helpful, on 8 entries.", text, StringComparison.Ordinal);
        Assert.Contains("(faq/e7) · 👍 0 · 👎 7", text, StringComparison.Ordinal);
        Assert.Contains("(faq/e3)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(faq/e2)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(faq/liked)", text, StringComparison.Ordinal);
    }
}
