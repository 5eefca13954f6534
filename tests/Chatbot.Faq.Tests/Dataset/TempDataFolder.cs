namespace Chatbot.Faq.Tests.Dataset;

/// <summary>An empty temporary <c>faq-data</c> folder for one test.</summary>
public sealed class TempDataFolder : IDisposable
{
    public TempDataFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "faq-test-" + Guid.NewGuid().ToString("N"));
        Path_ = Path.Combine(Root, "faq-data");
        Directory.CreateDirectory(Path_);
    }

    public string Root { get; }

    public string Path_ { get; }

    public string Write(string fileName, string content)
    {
        var path = Path.Combine(Path_, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

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
}
