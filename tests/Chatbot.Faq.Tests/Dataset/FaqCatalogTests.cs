using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Tests.Dataset;

public sealed class FaqCatalogTests
{
    private static FaqEntry Entry(string id, Audience audience, params string[] followUps) =>
        new(id, "Title", audience, ["q"], "Answer " + id, followUps, "S", "O", new DateOnly(2025, 1, 1), null, "T", "t.json", 1);

    [Fact]
    public void PublicViewHidesStaffOnlyEntries()
    {
        var catalog = new FaqCatalog([Entry("faq/a", Audience.Patient, "staff/b", "faq/c"), Entry("staff/b", Audience.Staff), Entry("faq/c", Audience.Both)]);

        Assert.Null(catalog.Find("staff/b", FaqView.Public));
        Assert.NotNull(catalog.Find("staff/b", FaqView.Staff));
        Assert.False(catalog.TryGet("faq/missing", FaqView.Staff, out _));
        Assert.Equal(["faq/c"], catalog.FollowUpsOf(catalog.Find("faq/a")!, FaqView.Public).Select(e => e.Id));
        Assert.Equal(["staff/b", "faq/c"], catalog.FollowUpsOf(catalog.Find("faq/a")!, FaqView.Staff).Select(e => e.Id));
        Assert.Equal(2, catalog.Visible(FaqView.Public).Count());
    }

    [Fact]
    public void DuplicateIdsKeepTheFirstEntry()
    {
        var catalog = new FaqCatalog([Entry("faq/a", Audience.Patient), Entry("faq/a", Audience.Staff)]);

        Assert.Equal(Audience.Patient, catalog.Find("faq/a")!.Audience);
    }
}
