namespace Chatbot.Faq.Safety;

/// <summary>
/// Holds the learned layer once it is loaded (training it can take half a minute on a fresh machine). Until then the
/// gate waits a little for it and otherwise runs on its rules alone, flagging the assessment as degraded.
/// </summary>
public sealed class SafetyModelHolder : IDisposable
{
    private readonly ManualResetEventSlim _loaded = new(false);
    private SafetyModel? _model;
    private volatile bool _loading;

    /// <summary>The learned layer, or null while it loads (or if it failed to load).</summary>
    public SafetyModel? Model => Volatile.Read(ref _model);

    /// <summary>The load failed: the gate runs on rules alone, and /readyz says so.</summary>
    public Exception? LoadError { get; private set; }

    /// <summary>Says that a loader has started: from now on messages wait a little for the model.</summary>
    public void BeginLoading() => _loading = true;

    /// <summary>Publishes the loaded model.</summary>
    public void Set(SafetyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Volatile.Write(ref _model, model);
        _loaded.Set();
    }

    /// <summary>Records that loading failed.</summary>
    public void Fail(Exception error)
    {
        LoadError = error;
        _loaded.Set();
    }

    /// <summary>
    /// The model, waiting up to <paramref name="timeout"/> for it while a loader is at work. With no loader (a host
    /// that does not run one) there is nothing to wait for: the rules decide at once.
    /// </summary>
    public SafetyModel? Wait(TimeSpan timeout)
    {
        if (Model is { } model)
        {
            return model;
        }

        if (_loading)
        {
            _loaded.Wait(timeout);
        }

        return Model;
    }

    /// <summary>Disposes the model and the wait handle.</summary>
    public void Dispose()
    {
        _model?.Dispose();
        _loaded.Dispose();
    }
}
