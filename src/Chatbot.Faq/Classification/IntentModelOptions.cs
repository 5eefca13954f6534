using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Chatbot.Faq.Classification;

/// <summary>The pipeline settings of <see cref="IntentModelTrainer"/>. The defaults are the product's settings.</summary>
/// <remarks>
/// Defaults follow the measurements in <c>docs/intent-classifier.md</c> and <c>docs/benchmarks.md</c>: normalized text →
/// word 1-2-gram TF-IDF + char 3-5-gram TF-IDF → L2 normalization → L-BFGS maximum entropy (L1 = 0, L2 = 0.01,
/// class-balanced example weights), with an explicit <c>out_of_scope</c> class when the data has one.
/// </remarks>
public sealed class IntentModelOptions
{
    /// <summary>The n-gram families.</summary>
    /// <value>The default is <see cref="IntentFeatures.WordAndChar"/>.</value>
    public IntentFeatures Features { get; set; } = IntentFeatures.WordAndChar;

    /// <summary>
    /// The sentence encoder whose vector is added to the n-gram features. <see cref="IntentEncoder.None"/> trains the
    /// n-gram model alone (the fast first stage, tests, benchmarks).
    /// </summary>
    /// <value>The default is <see cref="IntentEncoder.MiniLM"/>.</value>
    public IntentEncoder Encoder { get; set; } = IntentEncoder.MiniLM;

    /// <summary>
    /// Also train an n-gram-only model as a fast first stage: when it is confident the message is answered without
    /// encoding it, and under overload it decides alone (docs/decisions.md, "Sentence encoder").
    /// </summary>
    /// <value>The default is true. Ignored without an encoder.</value>
    public bool FastStage { get; set; } = true;

    /// <summary>Longest word n-gram (all shorter lengths are included).</summary>
    /// <value>The default is 2.</value>
    [Range(1, 4)]
    public int WordNgramLength { get; set; } = 2;

    /// <summary>Shortest character n-gram.</summary>
    /// <value>The default is 3.</value>
    [Range(1, 8)]
    public int CharNgramMin { get; set; } = 3;

    /// <summary>Longest character n-gram.</summary>
    /// <value>The default is 5.</value>
    [Range(1, 8)]
    public int CharNgramMax { get; set; } = 5;

    /// <summary>The learner.</summary>
    /// <value>The default is <see cref="IntentLearner.MaxEnt"/>.</value>
    public IntentLearner Learner { get; set; } = IntentLearner.MaxEnt;

    /// <summary>Weight of the maximum-entropy probabilities in the <see cref="IntentLearner.MaxEntPlusAveragedPerceptron"/> average.</summary>
    /// <value>The default is 0.5.</value>
    [Range(0.0, 1.0)]
    public double EnsembleWeight { get; set; } = 0.5;

    /// <summary>L2 regularization of the maximum-entropy learner. The ML.NET default (1) underfits text badly.</summary>
    /// <value>The default is 0.01.</value>
    [Range(0.0, 10.0)]
    public float L2Regularization { get; set; } = 0.01f;

    /// <summary>L1 regularization of the maximum-entropy learner.</summary>
    /// <value>The default is 0.</value>
    [Range(0.0, 10.0)]
    public float L1Regularization { get; set; }

    /// <summary>L-BFGS memory: fewer steps use less memory at the same accuracy.</summary>
    /// <value>The default is 5.</value>
    [Range(1, 100)]
    public int HistorySize { get; set; } = 5;

    /// <summary>L-BFGS convergence tolerance.</summary>
    /// <value>
    /// The default is 1e-4. With the sentence vector the model converges to the same answers long before ML.NET's 1e-7:
    /// on the clinic data 1e-4 with at most 100 iterations fitted in 23 s instead of 79 s with the same held-out
    /// accuracy (docs/benchmarks.md, "Sentence encoder").
    /// </value>
    public float OptimizationTolerance { get; set; } = 1e-4f;

    /// <summary>Cap on L-BFGS iterations: bounds training time on large data (early stopping also regularizes).</summary>
    /// <value>The default is 100 (see <see cref="OptimizationTolerance"/>).</value>
    [Range(1, int.MaxValue)]
    public int MaximumIterations { get; set; } = 100;

    /// <summary>Keep at most this many of the most frequent n-grams of each length (bounds model size and training time).</summary>
    /// <value>The default is 1,000,000 (in practice: all of them).</value>
    [Range(1, int.MaxValue)]
    public int MaximumNgramsPerLength { get; set; } = 1_000_000;

    /// <summary>
    /// Weight examples so every intent counts the same in training, however many examples it has. Without it, a large
    /// <c>out_of_scope</c> class pulls short or unusual in-scope questions towards itself.
    /// </summary>
    /// <value>
    /// The default is true. On the clinic data (39 intents, ~22 examples each, 267 out-of-scope) it raised 5-fold macro-F1
    /// from 0.707 to 0.729 at the same 97 % answered precision (docs/benchmarks.md).
    /// </value>
    public bool BalanceClasses { get; set; } = true;

    /// <summary>Threads for the L-BFGS learner; 1 makes training bit-for-bit reproducible. Null uses every core.</summary>
    /// <value>The default is 1.</value>
    public int? NumberOfThreads { get; set; } = 1;

    /// <summary>Iterations of the averaged perceptron (ensemble only).</summary>
    /// <value>The default is 10.</value>
    [Range(1, 1000)]
    public int PerceptronIterations { get; set; } = 10;

    /// <summary>The random seed of ML.NET and of the cross-validation split.</summary>
    /// <value>The default is 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Folds of the stratified cross-validation used to choose thresholds and report metrics.</summary>
    /// <value>The default is 5.</value>
    [Range(2, 20)]
    public int Folds { get; set; } = 5;

    /// <summary>How the answer and clarify thresholds are chosen.</summary>
    public ThresholdRule Thresholds { get; set; } = new();

    /// <summary>A short description of the pipeline; a model trained with another signature is retrained.</summary>
    public string Signature => string.Create(
        CultureInfo.InvariantCulture,
        $"v2;{Encoder};fast{FastStage && Encoder != IntentEncoder.None};{Features};w{WordNgramLength};c{CharNgramMin}-{CharNgramMax};{Learner};ew{EnsembleWeight};l1={L1Regularization};l2={L2Regularization};h{HistorySize};tol{OptimizationTolerance};it{MaximumIterations};ng{MaximumNgramsPerLength};bal{BalanceClasses};ap{PerceptronIterations};seed{Seed};folds{Folds};{Thresholds.Signature}");
}
