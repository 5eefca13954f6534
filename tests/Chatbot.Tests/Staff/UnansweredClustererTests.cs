using Chatbot.Staff.Unanswered;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Tests.Staff;

public sealed class UnansweredClustererTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private static UnansweredQuestion Q(string text, int minutes = 0, string top = "") =>
        new(0, Start.AddMinutes(minutes), "webchat", UnansweredReason.Fallback, text, top, "v1");

    [Fact]
    public void DuplicatesAndNearDuplicatesAreOneCountedGroup()
    {
        var clusters = UnansweredClusterer.Cluster(
        [
            Q("Do you validate parking?", 1),
            Q("do you validate parking", 2),
            Q("Do you validate  PARKING??", 3),
            Q("do you validate my parking", 4),
            Q("do u validate parkng", 5),
            Q("What is the wifi password?", 6),
        ], threshold: 0.5);

        Assert.Equal(2, clusters.Count);
        var parking = clusters[0];
        Assert.Equal(5, parking.Count);
        Assert.Equal("Do you validate parking?", parking.Headline);
        Assert.Equal(3, parking.Variants[0].Count);
        Assert.Equal(3, parking.Variants.Count);
        Assert.Equal(Start.AddMinutes(5), parking.LastAsked);
        Assert.Equal("What is the wifi password?", Assert.Single(clusters[1].Variants).Text);
    }

    [Fact]
    public void UnrelatedQuestionsStayApart()
    {
        var clusters = UnansweredClusterer.Cluster([Q("how much does it cost"), Q("where do i park"), Q("is ketamine addictive")], 0.5);

        Assert.Equal(3, clusters.Count);
        Assert.All(clusters, c => Assert.Equal(1, c.Count));
    }

    [Fact]
    public void TheRecordedGuessesAreSummedPerIntent()
    {
        var cluster = Assert.Single(UnansweredClusterer.Cluster(
            [Q("parking validation", top: "out_of_scope:0.500, faq/parking:0.300"), Q("parking validation?", top: "faq/parking:0.400, faq/cost:0.100")], 0.5));

        Assert.Equal(0.7, cluster.TopIntents["faq/parking"], 3);
        Assert.Equal(0.1, cluster.TopIntents["faq/cost"], 3);
    }

    [Theory]
    [InlineData("how much does it cost", "how much does ketamine cost", true)]
    [InlineData("insurance coverage", "insurence coverage", true)]
    [InlineData("how much does it cost", "where do i park", false)]
    public void SimilarityReachesTheDefaultThresholdOnlyForTheSameQuestion(string a, string b, bool similar) =>
        Assert.Equal(similar, UnansweredClusterer.Similarity(a, b) >= 0.5);

    [Fact]
    public void EmptyOrPunctuationOnlyTextIsIgnored() =>
        Assert.Empty(UnansweredClusterer.Cluster([Q("   "), Q("?!")], 0.5));
}
