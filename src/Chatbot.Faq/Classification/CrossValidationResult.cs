namespace Chatbot.Faq.Classification;

/// <summary>Out-of-fold predictions of a stratified k-fold cross-validation: every example scored by a model that did not see it.</summary>
public sealed class CrossValidationResult
{
    internal CrossValidationResult(IReadOnlyList<LabeledText> examples, IReadOnlyList<string> labels, int[] truth, float[][] scores, int folds, float[][]? fastScores = null)
    {
        FastScores = fastScores;
        Examples = examples;
        Labels = labels;
        Truth = truth;
        Scores = scores;
        Folds = folds;
        OutOfScopeIndex = labels.ToList().IndexOf(Dataset.FaqEntry.OutOfScopeId);
    }

    /// <summary>The examples, in input order.</summary>
    public IReadOnlyList<LabeledText> Examples { get; }

    /// <summary>Every intent, sorted by ordinal name; the slot order of <see cref="Scores"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The slot of each example's true intent.</summary>
    public IReadOnlyList<int> Truth { get; }

    /// <summary>The out-of-fold probability vector of each example.</summary>
    public IReadOnlyList<float[]> Scores { get; }

    /// <summary>Out-of-fold probabilities of the fast first stage (n-grams alone), or null when the models have none.</summary>
    public IReadOnlyList<float[]>? FastScores { get; }

    /// <summary>The same folds seen through the fast stage alone, or null.</summary>
    public CrossValidationResult? FastStage =>
        FastScores is null ? null : new CrossValidationResult(Examples, Labels, [.. Truth], [.. FastScores], Folds);

    /// <summary>The number of folds.</summary>
    public int Folds { get; }

    /// <summary>The slot of <c>out_of_scope</c>, or -1.</summary>
    public int OutOfScopeIndex { get; }

    /// <summary>The best slot of example <paramref name="i"/> and its probability.</summary>
    public (int Index, float Score) Best(int i) => ScoreMath.Best(Scores[i]);

    /// <summary>True when the right intent of example <paramref name="i"/> is among its two best slots.</summary>
    public bool TruthInTopTwo(int i) => ScoreMath.Rank(Scores[i], Truth[i]) < 2;
}
