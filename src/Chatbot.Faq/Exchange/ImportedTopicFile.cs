using Chatbot.Faq.Editing;

namespace Chatbot.Faq.Exchange;

/// <summary>Where imported drafts go: a new topic file <c>imported-&lt;name&gt;.json</c>, so no existing file changes.</summary>
public static class ImportedTopicFile
{
    /// <summary>
    /// A file name for an import of <paramref name="sourceFileName"/> that no file in <paramref name="dataFolder"/>
    /// has: <c>imported-&lt;name&gt;.json</c>, then <c>imported-&lt;name&gt;-2.json</c>, …
    /// </summary>
    public static string NewFileName(string dataFolder, string sourceFileName)
    {
        ArgumentNullException.ThrowIfNull(sourceFileName);
        var stem = "imported-" + ImportedEntryIds.Slug(Path.GetFileNameWithoutExtension(sourceFileName)).Replace('_', '-');
        var name = stem + ".json";
        for (var n = 2; File.Exists(Path.Combine(dataFolder, name)); n++)
        {
            name = $"{stem}-{n}.json";
        }

        return name;
    }

    /// <summary>The text of a topic file holding <paramref name="entries"/> (all drafts), topic "Imported: name".</summary>
    public static string Create(string sourceFileName, IEnumerable<FaqEntryContent> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var document = FaqTopicDocument.Create("Imported: " + Path.GetFileName(sourceFileName));
        foreach (var entry in entries)
        {
            document.Apply(entry with { Draft = true });
        }

        return document.ToJson();
    }
}
