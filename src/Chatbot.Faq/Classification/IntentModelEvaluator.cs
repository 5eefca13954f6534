namespace Chatbot.Faq.Classification;

/// <summary>Stratified k-fold cross-validation of the intent pipeline.</summary>
/// <param name="trainer">The trainer whose pipeline is evaluated.</param>
public sealed class IntentModelEvaluator(IntentModelTrainer trainer)
{
    /// <summary>Cross-validates and computes the report, choosing thresholds with the trainer's <see cref="ThresholdRule"/>.</summary>
    /// <param name="examples">Every example (including <c>out_of_scope</c> ones).</param>
    /// <param name="folds">Number of folds (at least 2).</param>
    /// <param name="progress">Receives one step per finished fold.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public EvaluationReport Evaluate(
        IReadOnlyList<LabeledText> examples,
        int folds = 5,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Evaluate(examples, folds, progress, folds, cancellationToken);

    /// <summary>Runs the folds and returns every example's out-of-fold probabilities.</summary>
    /// <remarks>
    /// Folds are stratified: each intent's examples are shuffled (seeded by <see cref="IntentModelOptions.Seed"/>) and dealt
    /// round-robin over the folds, continuing where the previous intent stopped, so every fold gets about 1/k of each intent.
    /// Folds train in parallel, one per core; each has its own seeded context, so results do not depend on scheduling.
    /// </remarks>
    public CrossValidationResult CrossValidate(
        IReadOnlyList<LabeledText> examples,
        int folds = 5,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        CrossValidate(examples, folds, progress, folds, cancellationToken);

    internal EvaluationReport Evaluate(
        IReadOnlyList<LabeledText> examples, int folds, IProgress<TrainingProgress>? progress, int totalSteps, CancellationToken cancellationToken)
    {
        var cv = CrossValidate(examples, folds, progress, totalSteps, cancellationToken);
        var (thresholds, met) = ThresholdSelector.Choose(cv, trainer.Options.Thresholds);
        return EvaluationMetrics.Compute(cv, thresholds, met);
    }

    private CrossValidationResult CrossValidate(
        IReadOnlyList<LabeledText> examples, int folds, IProgress<TrainingProgress>? progress, int totalSteps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var slotOf = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var fold = AssignFolds(examples, folds, trainer.Options.Seed);
        var scores = new float[examples.Count][];
        var done = 0;
        progress?.Report(new TrainingProgress("cross-validation", 0, totalSteps));

        Parallel.For(
            0,
            folds,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            f =>
            {
                var train = new List<LabeledText>();
                var heldOut = new List<int>();
                for (var i = 0; i < examples.Count; i++)
                {
                    if (fold[i] == f)
                    {
                        heldOut.Add(i);
                    }
                    else
                    {
                        train.Add(examples[i]);
                    }
                }

                var model = trainer.Fit(train, cancellationToken);
                var foldScores = model.Score(heldOut.Select(i => examples[i].Text).ToList());
                for (var j = 0; j < heldOut.Count; j++)
                {
                    // A fold model may lack an intent whose examples all fell in this fold: map slots by name.
                    var global = new float[labels.Length];
                    for (var s = 0; s < model.Labels.Count; s++)
                    {
                        global[slotOf[model.Labels[s]]] = foldScores[j][s];
                    }

                    scores[heldOut[j]] = global;
                }

                progress?.Report(new TrainingProgress("cross-validation", Interlocked.Increment(ref done), totalSteps));
            });

        var truth = examples.Select(e => slotOf[e.Label]).ToArray();
        return new CrossValidationResult(examples, labels, truth, scores, folds);
    }

    /// <summary>Stratified fold of each example (see <see cref="CrossValidate(IReadOnlyList{LabeledText}, int, IProgress{TrainingProgress}?, CancellationToken)"/>).</summary>
    internal static int[] AssignFolds(IReadOnlyList<LabeledText> examples, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[examples.Count];
        var next = 0;
        var groups = Enumerable.Range(0, examples.Count)
            .GroupBy(i => examples[i].Label, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            foreach (var i in indices)
            {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }
}
