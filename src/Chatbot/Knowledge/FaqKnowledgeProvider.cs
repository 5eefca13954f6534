using Chatbot.Faq.Answering;

namespace Chatbot.Knowledge;

/// <summary>
/// Holds the published <see cref="FaqKnowledge"/>. Publishing swaps one reference, so every turn sees one whole
/// version: the previous one keeps serving until the next is complete.
/// </summary>
public sealed class FaqKnowledgeProvider
{
    private readonly TaskCompletionSource<FaqKnowledge> _firstPublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile FaqKnowledge? _current;
    private volatile string? _loadError;

    /// <summary>The published knowledge, or null while the first model is still being loaded or trained.</summary>
    public FaqKnowledge? Current => _current;

    /// <summary>Why loading failed, when it did (shown by <c>/readyz</c>); null otherwise.</summary>
    public string? LoadError => _loadError;

    /// <summary>Publishes a new version atomically.</summary>
    public void Publish(FaqKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _current = knowledge;
        _loadError = null;
        _firstPublished.TrySetResult(knowledge);
    }

    /// <summary>Records a load failure; the previous version (if any) keeps serving.</summary>
    public void ReportLoadError(string message) => _loadError = message;

    /// <summary>The published knowledge, waiting up to <paramref name="timeout"/> for the first version.</summary>
    public async Task<FaqKnowledge?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }

        try
        {
            return await _firstPublished.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return _current;
        }
    }
}
