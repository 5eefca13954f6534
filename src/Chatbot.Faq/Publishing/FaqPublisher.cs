using System.Diagnostics;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// Publishes the FAQ through a quality gate, shared by the bot (file watcher, staff page) and the <c>chatbot</c> CLI:
/// snapshot the data folder → validate → train (or reuse the published model when only answers changed) → staff test
/// conversations and macro-F1 against the published version → save the version and make it current. Also verifies
/// fast publishes in the background and rolls back.
/// </summary>
/// <remarks>
/// <para>
/// Everything that changes the model folder holds <see cref="ModelVersionStore.AcquireLock"/>, so publishes never
/// overlap, across processes too. A refused or failed publish changes nothing that was published: the reasons are in
/// the returned <see cref="PublishReport"/> (and in <c>publish-history.jsonl</c>).
/// </para>
/// <para>
/// When the training examples changed and <see cref="FaqPublisherOptions.CrossValidateInBackground"/> is on, the new
/// model is published as soon as it is trained and passes validation and the staff tests, using the published
/// version's thresholds; the report says <see cref="PublishReport.CrossValidationPending"/>, and the caller must then
/// call <see cref="VerifyAsync"/>, which cross-validates, sets the thresholds, and rolls back on a macro-F1 regression.
/// </para>
/// <para>
/// This class holds the lock and turns every failure into a report; the work of each action is done by
/// <see cref="DataFolderPublication"/>, <see cref="FastPublishVerification"/> and <see cref="ManualRollback"/>, over a
/// shared <see cref="CandidateTrainer"/> and <see cref="PublishedVersionLoader"/> (whose cache the actions share).
/// </para>
/// </remarks>
public sealed class FaqPublisher
{
    private readonly TimeProvider _timeProvider;
    private readonly FaqPublisherOptions _options;
    private readonly IVersionStoreFileSystem? _fileSystem;
    private readonly CandidateTrainer _candidates;
    private readonly PublishedVersionLoader _versions = new();
    private readonly DataFolderPublication _publication;
    private readonly FastPublishVerification _verification;
    private readonly ManualRollback _rollback;

    /// <summary>Creates the publisher.</summary>
    /// <param name="timeProvider">The clock (timestamps, review dates).</param>
    /// <param name="options">Gate tolerances and publishing behaviour; the defaults when null.</param>
    /// <param name="modelOptions">The training pipeline; the product defaults when null.</param>
    /// <param name="fileSystem">The file writes of the version store; the real file system when null.</param>
    /// <param name="rules">The validation limits; the defaults when null.</param>
    /// <param name="decider">
    /// The bot's message-to-decision function for the staff tests; the phrase-rules-only gate with the default policy
    /// when null (the host and the CLI pass the one with the learned layer).
    /// </param>
    public FaqPublisher(
        TimeProvider timeProvider,
        FaqPublisherOptions? options = null,
        IntentModelOptions? modelOptions = null,
        IVersionStoreFileSystem? fileSystem = null,
        FaqValidationRules? rules = null,
        MessageDecider? decider = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _options = options ?? new FaqPublisherOptions();
        _fileSystem = fileSystem;
        var staffTestDecider = decider ?? MessageDecider.WithRulesOnly();
        _candidates = new CandidateTrainer(new IntentModelTrainer(modelOptions), _options, timeProvider);
        _publication = new DataFolderPublication(timeProvider, _options.Gate, rules, staffTestDecider, _candidates, _versions);
        _verification = new FastPublishVerification(timeProvider, _options.Gate, staffTestDecider, _candidates, _versions);
        _rollback = new ManualRollback(timeProvider, _versions);
    }

    /// <summary>The publishing options.</summary>
    public FaqPublisherOptions Options => _options;

    /// <summary>Opens the version store of a model folder with this publisher's settings.</summary>
    public ModelVersionStore OpenStore(string modelFolder) => new(modelFolder, _fileSystem, _options.KeepVersions);

    /// <summary>
    /// Trains the pipeline once on a tiny made-up dataset, so the first real publish does not pay for compiling the
    /// training code (about 2 s of CPU on the first retrain after start-up otherwise). Nothing is saved.
    /// </summary>
    public void WarmUp(CancellationToken cancellationToken = default) => _candidates.WarmUp(cancellationToken);

    /// <summary>Loads the current version of a model folder (from its own data snapshot, never the live data folder).</summary>
    /// <returns>The version, or null when nothing was published yet.</returns>
    /// <exception cref="ModelVersionStoreException"><c>published.json</c> or the version's files cannot be read.</exception>
    /// <exception cref="IntentModelException">The version's model is missing or damaged.</exception>
    public PublishedVersion? LoadCurrent(string modelFolder)
    {
        var store = OpenStore(modelFolder);
        return store.ReadState()?.Current is { } current ? _versions.Load(store, current) : null;
    }

    /// <summary>Checks the data folder and publishes it if it passes the gate (on a thread of its own).</summary>
    /// <param name="dataFolder">The FAQ data folder (topic files and <c>tests/</c>).</param>
    /// <param name="modelFolder">The model folder holding the published versions.</param>
    /// <param name="trigger">What started the publish.</param>
    /// <param name="user">Who started it (recorded in the history).</param>
    /// <param name="cancellationToken">Cancels the run (nothing is published then).</param>
    /// <returns>The report, and the new current version when one was published.</returns>
    public Task<PublishResult> PublishAsync(string dataFolder, string modelFolder, PublishTrigger trigger, string user, CancellationToken cancellationToken = default) =>
        OnOwnThread(() => Publish(dataFolder, modelFolder, trigger, user, lockTimeout: null, cancellationToken), cancellationToken);

    /// <summary>Checks the data folder and publishes it if it passes the gate, on the calling thread.</summary>
    /// <param name="dataFolder">The FAQ data folder (topic files and <c>tests/</c>).</param>
    /// <param name="modelFolder">The model folder holding the published versions.</param>
    /// <param name="trigger">What started the publish.</param>
    /// <param name="user">Who started it (recorded in the history).</param>
    /// <param name="lockTimeout">How long to wait for another publish; <see cref="FaqPublisherOptions.LockTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the run (nothing is published then).</param>
    /// <returns>The report, and the new current version when one was published.</returns>
    public PublishResult Publish(
        string dataFolder, string modelFolder, PublishTrigger trigger, string user, TimeSpan? lockTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return Run(modelFolder, PublishAction.Publish, trigger, user, cancellationToken, (store, run) => _publication.Run(store, run, dataFolder, cancellationToken), lockTimeout);
    }

    /// <summary>
    /// Cross-validates the current version if it was published before its cross-validation (on a thread of its own):
    /// on success its thresholds and figures are updated; when macro-F1 or the staff tests regressed beyond the
    /// tolerance, the previous version becomes current again.
    /// </summary>
    /// <returns>The report (<see cref="PublishOutcome.Unchanged"/> when there was nothing to verify) and the version to serve when it changed.</returns>
    public Task<PublishResult> VerifyAsync(string modelFolder, string user, CancellationToken cancellationToken = default) =>
        OnOwnThread(() => Verify(modelFolder, user, cancellationToken), cancellationToken);

    /// <summary>As <see cref="VerifyAsync"/>, on the calling thread.</summary>
    public PublishResult Verify(string modelFolder, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return Run(modelFolder, PublishAction.Verify, PublishTrigger.BackgroundVerification, user, cancellationToken, (store, run) => _verification.Run(store, run, cancellationToken));
    }

    /// <summary>Makes the previously published version current again (on a thread of its own).</summary>
    /// <returns>The report (<see cref="PublishOutcome.Failed"/> when there is nothing to roll back to) and the version to serve.</returns>
    public Task<PublishResult> RollbackAsync(string modelFolder, PublishTrigger trigger, string user, CancellationToken cancellationToken = default) =>
        OnOwnThread(() => Rollback(modelFolder, trigger, user, cancellationToken), cancellationToken);

    /// <summary>As <see cref="RollbackAsync"/>, on the calling thread.</summary>
    public PublishResult Rollback(string modelFolder, PublishTrigger trigger, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return Run(modelFolder, PublishAction.Rollback, trigger, user, cancellationToken, _rollback.Run);
    }

    /// <summary>The newest <paramref name="count"/> reports of a model folder, newest first.</summary>
    /// <exception cref="ModelVersionStoreException">The history cannot be read.</exception>
    public IReadOnlyList<PublishReport> History(string modelFolder, int count) => OpenStore(modelFolder).ReadHistory(count);

    private PublishResult Run(
        string modelFolder, PublishAction action, PublishTrigger trigger, string user, CancellationToken cancellationToken,
        Func<ModelVersionStore, PublishRun, PublishResult> body, TimeSpan? lockTimeout = null)
    {
        var store = OpenStore(modelFolder);
        var run = new PublishRun(action, trigger, user, _timeProvider.GetUtcNow(), Stopwatch.StartNew());
        PublishResult result;
        try
        {
            using (store.AcquireLock(lockTimeout ?? _options.LockTimeout, cancellationToken))
            {
                run.State = store.ReadState();
                result = body(store, run);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Parallel folds report a cancellation wrapped in an AggregateException.
            throw new OperationCanceledException("The run was cancelled; nothing was changed.", ex, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Every failure becomes a report: the caller (a background watcher, a web page) must keep running.
            var message = ex is ModelVersionStoreException or IntentModelException
                ? ex.Message
                : $"{action} failed unexpectedly ({ex.GetType().Name}: {ex.Message}). Nothing already published was changed.";
            result = new PublishResult(run.Report(_timeProvider, PublishOutcome.Failed, [message]), null);
        }

        return Record(store, result);
    }

    /// <summary>Appends the report to the history (not the no-op ones), noting in the report when that failed.</summary>
    private static PublishResult Record(ModelVersionStore store, PublishResult result)
    {
        if (result.Report.Outcome == PublishOutcome.Unchanged)
        {
            return result;
        }

        try
        {
            store.AppendHistory(result.Report);
            return result;
        }
        catch (ModelVersionStoreException ex)
        {
            return result with { Report = result.Report with { Reasons = [.. result.Report.Reasons, ex.Message] } };
        }
    }

    /// <summary>
    /// Runs seconds of CPU work on a dedicated thread, not a thread-pool thread: on a 2-core host the pool has two
    /// threads to begin with, and a publish (plus the cross-validation's parallel folds) holding them would stall
    /// request handling until the pool grows.
    /// </summary>
    private static Task<T> OnOwnThread<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
