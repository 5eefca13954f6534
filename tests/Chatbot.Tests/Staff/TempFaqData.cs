namespace Chatbot.Tests.Staff;

/// <summary>A private copy of the repository's faq-data (topic files, schema, tests/) in a temporary folder.</summary>
public sealed class TempFaqData : IDisposable
{
    private TempFaqData(string root)
    {
        Root = root;
        Path = System.IO.Path.Combine(root, "faq-data");
        Models = System.IO.Path.Combine(root, "models");
    }

    public string Root { get; }

    /// <summary>The copy's faq-data folder (named like the real one, so messages say faq-data/…).</summary>
    public string Path { get; }

    /// <summary>A models folder beside it (empty).</summary>
    public string Models { get; }

    public static TempFaqData CopyOfRepository()
    {
        var copy = new TempFaqData(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "staff-test-" + Guid.NewGuid().ToString("N")));
        Copy(FaqDataFolder.Path, copy.Path);
        Directory.CreateDirectory(copy.Models);
        return copy;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Read(string name) => System.IO.File.ReadAllText(File(name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, System.IO.Path.Combine(to, System.IO.Path.GetFileName(folder)));
        }
    }
}
