using Chatbot.Faq.Editing;

namespace Chatbot.Staff.Editing;

/// <summary>The real files: writes go to a temporary file that is moved over the original (<see cref="FaqFileWriter"/>).</summary>
public sealed class AtomicFaqFileStore : IFaqFileStore
{
    /// <inheritdoc />
    public async Task<string?> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;

    /// <inheritdoc />
    public Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        FaqFileWriter.WriteAtomically(path, content);
        return Task.CompletedTask;
    }
}
