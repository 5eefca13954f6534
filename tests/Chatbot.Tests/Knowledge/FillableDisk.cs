using Chatbot.Faq.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatbot.Tests.Knowledge;

/// <summary>A disk that fills up on demand: every write then fails as Linux reports ENOSPC.</summary>
internal sealed class FillableDisk : IVersionStoreFileSystem
{
    public volatile bool Full;

    public void WriteFile(string path, Action<Stream> write)
    {
        ThrowIfFull();
        PhysicalVersionStoreFileSystem.Instance.WriteFile(path, write);
    }

    public void CopyFile(string source, string destination)
    {
        ThrowIfFull();
        PhysicalVersionStoreFileSystem.Instance.CopyFile(source, destination);
    }

    public static Action<IServiceCollection> Replace(FillableDisk disk) => services =>
    {
        services.RemoveAll<IVersionStoreFileSystem>();
        services.AddSingleton<IVersionStoreFileSystem>(disk);
    };

    private void ThrowIfFull()
    {
        if (Full)
        {
            throw new IOException("No space left on device", 28);
        }
    }
}
