using Chatbot.Faq.Exchange;

namespace Chatbot.Faq.Tests.Exchange;

public sealed class ArticleImportTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static string TestArticle()
    {
        var root = FaqPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("no repository");
        // A small article of our own with the clinic article's shape: tests never read outside the repository.
        return Path.Combine(root, "tests", "TestData", "clinic-article.txt");
    }

    [Fact]
    public void TheClinicArticleGivesOneDraftPerQuestionHeading()
    {
        var path = TestArticle();
        Assert.True(File.Exists(path), $"{path} is missing");

        var drafts = ArticleImport.Import(File.ReadAllText(path), "ketamine-infusions-article.txt", new ImportedEntryIds(["faq/what_is_ketamine"]), Today);

        Assert.Equal(["What Is Ketamine?", "How Do Ketamine Infusions Work?", "How Long Do Ketamine Infusions Last?"], drafts.Select(d => d.Title));
        Assert.Equal(["faq/what_is_ketamine_2", "faq/how_do_ketamine_infusions_work", "faq/how_long_do_ketamine_infusions_last"], drafts.Select(d => d.Id));
        Assert.All(drafts, d => Assert.True(d.Draft));
        Assert.All(drafts, d => Assert.Equal([d.Title], d.Examples));
        Assert.StartsWith("Ketamine is an anesthetic medication", drafts[0].Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Read more", string.Concat(drafts.Select(d => d.Answer)), StringComparison.Ordinal);
        Assert.Equal(3, drafts[1].Answer.Split("\n\n").Length);
        Assert.Contains("1. The amount and frequency of ketamine dosage administered\n2. How much", drafts[2].Answer, StringComparison.Ordinal);
        Assert.Equal("ketamine-infusions-article.txt § How Long Do Ketamine Infusions Last?", drafts[2].Source);
    }

    [Fact]
    public void MarkdownHeadingsWorkAndNonQuestionHeadingsEndASection()
    {
        const string Markdown = "# Ketamine at our clinic\n\nIntro text.\n## How long is a visit\nAbout two hours.\n\nBring a driver.\n## Our team\nWe are nice.\n### Can I eat before?\nNo food for 6 hours.\n";

        var drafts = ArticleImport.Import(Markdown, "clinic.md", new ImportedEntryIds([]), Today);

        Assert.Equal(["How long is a visit", "Can I eat before?"], drafts.Select(d => d.Title));
        Assert.Equal("About two hours.\n\nBring a driver.", drafts[0].Answer);
        Assert.Equal("No food for 6 hours.", drafts[1].Answer);
    }

    [Theory]
    [InlineData("Just some prose. Nothing else here.\n\nAnother paragraph.")]
    [InlineData("What is this?\n\n")]
    public void AnArticleWithoutQuestionSectionsIsRefused(string text) =>
        Assert.Throws<FaqImportException>(() => ArticleImport.Import(text, "a.txt", new ImportedEntryIds([]), Today));

    [Fact]
    public void ABinaryFileIsRefusedAsNotText()
    {
        var error = Assert.Throws<FaqImportException>(() => ArticleImport.Import("PK\u0003\u0004\0\0binary", "a.docx", new ImportedEntryIds([]), Today));

        Assert.Contains("not a text file", error.Message, StringComparison.Ordinal);
    }
}
