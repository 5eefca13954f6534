using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Tests.Editing;

public sealed class FaqTopicDocumentTests
{
    private static string? RepositoryFaqData()
    {
        var root = FaqPaths.FindRepositoryRoot(AppContext.BaseDirectory);
        return root is null ? null : Path.Combine(root, "faq-data");
    }

    [Fact]
    public void ReadingAndWritingEveryRepositoryTopicFileChangesNoByte()
    {
        var folder = RepositoryFaqData();
        Assert.NotNull(folder);
        var files = Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith(FaqDatasetLoader.SchemaFileName, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal(text, FaqTopicDocument.Parse(text).ToJson());
        }
    }

    [Fact]
    public void ApplyingAnEntryUnchangedChangesNoByte()
    {
        var folder = RepositoryFaqData()!;
        var file = Path.Combine(folder, "treatment.json");
        var text = File.ReadAllText(file);
        var dataset = new FaqDatasetLoader().Load(folder);
        var document = FaqTopicDocument.Parse(text);

        foreach (var entry in dataset.Entries.Where(e => e.File == "faq-data/treatment.json"))
        {
            document.Apply(FaqEntryContent.From(entry));
        }

        Assert.Equal(text, document.ToJson());
    }

    [Fact]
    public void ApplyChangesOnlyTheEditedLinesAndKeepsFieldOrder()
    {
        const string Text = """
            {
              "$schema": "./faq-topic.schema.json",
              "topic": "T",
              "entries": [
                {
                  "id": "faq/a",
                  "title": "Title A",
                  "audience": "patient",
                  "examples": [
                    "one",
                    "two"
                  ],
                  "answer": "Old answer.",
                  "source": "S",
                  "owner": "O",
                  "lastReviewed": "2026-01-02"
                }
              ]
            }

            """;
        var document = FaqTopicDocument.Parse(Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        var content = new FaqEntryContent("faq/a", "Title A", Audience.Patient, ["one", "two", "three"], "New answer.", [], "S", "O",
            new DateOnly(2026, 1, 2), new DateOnly(2026, 7, 2), Draft: false);

        document.Apply(content);
        var lines = document.ToJson().Split('\n');

        Assert.Contains("        \"three\"", lines);
        Assert.Contains("      \"answer\": \"New answer.\",", lines);
        Assert.Equal("      \"reviewBy\": \"2026-07-02\"", lines[Array.IndexOf(lines, "      \"lastReviewed\": \"2026-01-02\",") + 1]);
        Assert.DoesNotContain(lines, l => l.Contains("followUps", StringComparison.Ordinal) || l.Contains("draft", StringComparison.Ordinal));
    }

    [Fact]
    public void ANewEntryIsAppendedInTheUsualFieldOrderAndADraftIsMarked()
    {
        var document = FaqTopicDocument.Create("Imported: article.txt");
        document.Apply(new FaqEntryContent("faq/b", "Title B", Audience.Both, ["q"], "A.", ["faq/a"], "S", "O", new DateOnly(2026, 1, 2), null, Draft: true));

        var entry = (JObject)JObject.Parse(document.ToJson())["entries"]![0]!;

        Assert.Equal(["id", "title", "audience", "examples", "answer", "followUps", "source", "owner", "lastReviewed", "draft"], entry.Properties().Select(p => p.Name));
        Assert.True((bool)entry["draft"]!);
        Assert.StartsWith("{\n  \"$schema\": \"./faq-topic.schema.json\",\n", document.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheETagChangesWithTheEntryAndOnlyWithIt()
    {
        var document = FaqTopicDocument.Create("T");
        var a = document.Apply(new FaqEntryContent("faq/a", "A title", Audience.Patient, ["q"], "A.", [], "S", "O", new DateOnly(2026, 1, 2), null, false));
        document.Apply(new FaqEntryContent("faq/b", "B title", Audience.Patient, ["r"], "B.", [], "S", "O", new DateOnly(2026, 1, 2), null, false));
        var before = FaqTopicDocument.ETagOf(a);

        document.Apply(new FaqEntryContent("faq/b", "B title", Audience.Patient, ["r"], "B changed.", [], "S", "O", new DateOnly(2026, 1, 2), null, false));
        var afterOther = FaqTopicDocument.ETagOf(document.Find("faq/a")!);
        document.Apply(new FaqEntryContent("faq/a", "A title", Audience.Patient, ["q"], "A changed.", [], "S", "O", new DateOnly(2026, 1, 2), null, false));

        Assert.Equal(before, afterOther);
        Assert.NotEqual(before, FaqTopicDocument.ETagOf(document.Find("faq/a")!));
    }

    [Fact]
    public void WriteAtomicallyReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "faq-write-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "t.json");
            File.WriteAllText(path, "old");

            FaqFileWriter.WriteAtomically(path, "new — text\n");

            Assert.Equal("new — text\n", File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WriteAtomicallyIntoAMissingFolderFailsAndChangesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), "faq-missing-" + Guid.NewGuid().ToString("N"), "t.json");

        Assert.ThrowsAny<IOException>(() => FaqFileWriter.WriteAtomically(path, "new"));
        Assert.False(File.Exists(path));
    }
}
