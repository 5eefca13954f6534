using System.Net;
using Chatbot.Faq.Dataset;
using Chatbot.Staff.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Clinic.Staff;

namespace Chatbot.Tests.Staff;

public sealed class StaffPublishAndImportTests
{
    [Fact]
    public async Task PublishShowsTheResultWithMetricsBeforeAndAfterAndIsAudited()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var html = await client.PageAsync("/staff/publish");

        using var response = await client.PostAsync("/staff/publish?handler=Publish", StaffClient.Token(html), new Dictionary<string, string>());
        var text = StaffClient.Text(await response.Content.ReadAsStringAsync());
        var home = StaffClient.Text(await client.PageAsync("/staff"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["publish alice"], factory.Publisher.Calls);
        Assert.Contains("Published: published.", text, StringComparison.Ordinal);
        Assert.Contains("91.2% → 91.5%", text, StringComparison.Ordinal);
        Assert.Contains("87.4% → 87.9%", text, StringComparison.Ordinal);
        Assert.Contains("52/55 → 53/55", text, StringComparison.Ordinal);
        Assert.Contains("Last publish: 2026-11-24 10:00 by alice — published", home, StringComparison.Ordinal);
        Assert.Contains(await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync(null, 10, CancellationToken.None), r => r.Action == StaffAuditActions.Publish);
    }

    [Fact]
    public async Task ARefusedPublishSaysTheBotKeepsTheCurrentVersion()
    {
        await using var factory = new StaffAppFactory();
        factory.Publisher.Next = factory.Publisher.Next with { Accepted = false, Outcome = "refused", Reasons = ["Macro-F1 fell from 0.874 to 0.801 (more than 0.02)."] };
        using var client = await factory.SignedInClientAsync();
        var html = await client.PageAsync("/staff/publish");

        using var response = await client.PostAsync("/staff/publish?handler=Publish", StaffClient.Token(html), new Dictionary<string, string>());
        var text = StaffClient.Text(await response.Content.ReadAsStringAsync());

        Assert.Contains("Not published (refused): Macro-F1 fell from 0.874 to 0.801 (more than 0.02). The bot keeps answering with the current version.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishingReportsAreShownWithTheirMetrics()
    {
        var report = new Chatbot.Faq.Publishing.PublishReport
        {
            Id = "r1",
            Action = Chatbot.Faq.Publishing.PublishAction.Publish,
            Trigger = Chatbot.Faq.Publishing.PublishTrigger.StaffPage,
            User = "alice",
            StartedAt = DateTimeOffset.UnixEpoch,
            FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(30),
            Outcome = Chatbot.Faq.Publishing.PublishOutcome.Rejected,
            Before = new(0.9, 0.85, 0.7, 50, 55),
            After = new(0.8, 0.75, 0.6, 45, 55),
            Reasons = ["Macro-F1 fell."],
        };

        var shown = FaqPublishingStaffPublisher.Map(report);

        Assert.False(shown.Accepted);
        Assert.Equal("refused", shown.Outcome);
        Assert.Equal("staff page", shown.Trigger);
        Assert.Equal(new StaffPublishMetrics(0.9, 0.85, 50, 55), shown.Before);
        Assert.Equal(new StaffPublishMetrics(0.8, 0.75, 45, 55), shown.After);
    }

    [Fact]
    public async Task ImportingTheClinicArticleAddsThreeDraftsInANewFileAndChangesNothingElse()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var before = Directory.GetFiles(factory.Data.Path, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var html = await client.PageAsync("/staff/import");
        // A small article of our own with the clinic article's shape: tests never read outside the repository.
        var article = Path.Combine(Path.GetDirectoryName(FaqDataFolder.Path)!, "tests", "TestData", "clinic-article.txt");

        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffClient.Token(html)), "__RequestVerificationToken" },
            { new StringContent("Article"), "Kind" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(article)), "Upload", "ketamine-infusions-article.txt" },
        };
        using var response = await client.Http.PostAsync("/staff/import?handler=Import", form);
        var text = StaffClient.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Imported 3 draft(s) into faq-data/imported-ketamine-infusions-article.json", text, StringComparison.Ordinal);
        Assert.All(before, f => Assert.Equal(f.Value, factory.Data.Read(f.Key)));
        var dataset = new FaqDatasetLoader().Load(factory.Data.Path);
        Assert.Equal(3, dataset.Drafts.Count(d => d.File == "faq-data/imported-ketamine-infusions-article.json"));
        Assert.Equal(before.Count + 1, Directory.GetFiles(factory.Data.Path, "*.json").Length);
        var record = Assert.Single(await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync(null, 20, CancellationToken.None), r => r.Action == StaffAuditActions.Import);
        Assert.Equal("faq-data/imported-ketamine-infusions-article.json", record.File);
    }

    [Theory]
    [InlineData("Article", "report.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE }, "is not a UTF-8 text file")]
    [InlineData("QnaTsv", "kb.tsv", new byte[] { (byte)'a', (byte)',', (byte)'b', (byte)'\n' }, "The first line is not a QnA Maker header")]
    [InlineData("Article", "empty.txt", new byte[] { (byte)'h', (byte)'i' }, "No question-like headings")]
    public async Task AMalformedUploadIsRefusedWithAClearMessageAndNothingIsWritten(string kind, string name, byte[] content, string expected)
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var files = Directory.GetFiles(factory.Data.Path, "*.json").Length;
        var html = await client.PageAsync("/staff/import");

        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffClient.Token(html)), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new ByteArrayContent(content), "Upload", name },
        };
        using var response = await client.Http.PostAsync("/staff/import?handler=Import", form);
        var text = StaffClient.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", text, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(factory.Data.Path, "*.json").Length);
    }

    [Fact]
    public async Task ExportDownloadsQnaTsvAndCsv()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();

        using var tsv = await client.Http.GetAsync("/staff/import?handler=Export&format=qna");
        using var csv = await client.Http.GetAsync("/staff/import?handler=Export&format=csv");

        Assert.Equal("faq-qna.tsv", tsv.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith("Question\tAnswer\tSource\tMetadata\n", await tsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id:faq/infusion_duration|", await tsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("id,topic,title,audience,draft,examples", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}
