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
        return EvaluationMetrics.Compute(cv, thresholds, met, FastThresholds(cv));
    }

    /// <summary>
    /// The fast stage answers alone only where its out-of-fold precision reaches <see cref="FastStagePrecision"/> —
    /// stricter than the product's rule, because a message it answers never reaches the better model.
    /// </summary>
    internal IntentThresholds? FastThresholds(CrossValidationResult cv)
    {
        if (cv.FastStage is not { } fast)
        {
            return null;
        }

        var rule = trainer.Options.Thresholds;
        var strict = new ThresholdRule
        {
            AnswerPrecision = Math.Max(FastStagePrecision, rule.AnswerPrecision),
            ClarifyTopTwoRate = rule.ClarifyTopTwoRate,
            AnswerFloor = rule.AnswerFloor,
            AnswerCeiling = 0.99f,
            ClarifyFloor = rule.ClarifyFloor,
        };
        var (thresholds, met) = ThresholdSelector.Choose(fast, strict);

        // Where the fast stage never reaches the precision it should not answer on its own at all.
        return met ? thresholds : new IntentThresholds(1.01f, thresholds.Clarify);
    }

    /// <summary>Out-of-fold precision the fast stage must reach before it answers without the encoder.</summary>
    public const double FastStagePrecision = 0.99;

    private CrossValidationResult CrossValidate(
        IReadOnlyList<LabeledText> examples, int folds, IProgress<TrainingProgress>? progress, int totalSteps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var slotOf = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var fold = AssignFolds(examples, folds, trainer.Options.Seed);
        var scores = new float[examples.Count][];
        float[][]? fastScores = null;
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
                var (foldScores, foldFast) = model.ScoreStages(heldOut.Select(i => examples[i].Text).ToList());
                for (var j = 0; j < heldOut.Count; j++)
                {
                    scores[heldOut[j]] = ToGlobal(foldScores[j], model, labels.Length, slotOf);
                    if (foldFast is not null)
                    {
                        fastScores ??= new float[examples.Count][];
                        fastScores[heldOut[j]] = ToGlobal(foldFast[j], model, labels.Length, slotOf);
                    }
                }

                progress?.Report(new TrainingProgress("cross-validation", Interlocked.Increment(ref done), totalSteps));
            });

        var truth = examples.Select(e => slotOf[e.Label]).ToArray();
        return new CrossValidationResult(examples, labels, truth, scores, folds, fastScores);
    }

    /// <summary>A fold model may lack an intent whose examples all fell in this fold: map slots by name.</summary>
    private static float[] ToGlobal(float[] foldScores, IntentModel model, int labelCount, Dictionary<string, int> slotOf)
    {
        var global = new float[labelCount];
        for (var s = 0; s < model.Labels.Count; s++)
        {
            global[slotOf[model.Labels[s]]] = foldScores[s];
        }

        return global;
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
