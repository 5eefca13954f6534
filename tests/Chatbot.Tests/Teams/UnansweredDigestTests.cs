using Chatbot.Teams;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Tests.Teams;

public sealed class UnansweredDigestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private static UnansweredQuestion Q(string text, int hoursAgo, string top = "") =>
        new(0, Now.AddHours(-hoursAgo), "webchat", UnansweredReason.Fallback, text, top, "v1");

    [Fact]
    public void IdenticalReorderedAndMistypedQuestionsAreOneGroup()
    {
        var groups = UnansweredDigest.Group(
        [
            Q("How much is valet parking at the clinic?", 24, "faq/cost:0.410, faq/insurance:0.200"),
            Q("how much is valet parking at the clinic", 48, "faq/cost:0.380"),
            Q("how much is valet parkng at the clinic??", 72, "faq/cost:0.300"),
            Q("at the clinic how much is valet parking", 5, "faq/location:0.300"),
            Q("do you have a wheelchair ramp", 1, "out_of_scope:0.700"),
        ], take: 10);

        Assert.Equal(2, groups.Count);
        var parking = groups[0];
        Assert.Equal(4, parking.Count);
        Assert.Equal("at the clinic how much is valet parking", parking.Text);
        Assert.Equal("faq/cost", parking.ClosestIntent);
        Assert.Equal(Now.AddHours(-5), parking.LastAsked);
        Assert.Null(groups[1].ClosestIntent);
    }

    [Fact]
    public void DifferentQuestionsStayApartAndTheMostFrequentComeFirst()
    {
        var groups = UnansweredDigest.Group(
        [
            Q("can i bring my dog", 1),
            Q("can i bring my kid", 2),
            Q("can i bring my kid", 3),
            Q("[name] wants to know about parking", 4),
        ], take: 2);
        Assert.Equal(2, groups.Count);
        Assert.Equal(("can i bring my kid", 2), (groups[0].Text, groups[0].Count));
        Assert.Equal(1, groups[1].Count);
    }

    [Theory]
    [InlineData("faq/cost:0.410, faq/insurance:0.200", "faq/cost")]
    [InlineData("out_of_scope:0.9", null)]
    [InlineData("", null)]
    public void TheTopIntentIsTheFirstStored(string stored, string? expected) =>
        Assert.Equal(expected, UnansweredDigest.TopIntentOf(stored));

    [Theory]
    [InlineData("how much is valet parking at the clinic", "how much is valet parkng at the clinic", true)]
    [InlineData("can i bring my dog", "can i bring my kid", false)]
    [InlineData("short", "shirt", false)]
    public void NearMeansAtMostOneEditPerTenCharacters(string a, string b, bool near) =>
        Assert.Equal(near, UnansweredDigest.IsNear(a, b));
}
