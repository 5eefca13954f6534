using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Chatbot.Faq.Classification;

/// <summary>Builds the ML.NET pipeline described by <see cref="IntentModelOptions"/>.</summary>
internal static class IntentPipeline
{
    public const string TextColumn = "Text";
    public const string LabelColumn = "Label";
    public const string LabelKeyColumn = "LabelKey";
    public const string FeaturesColumn = "Features";
    public const string ScoreColumn = "Score";
    public const string MaxEntScoreColumn = "MaxEntScore";
    public const string WeightColumn = "Weight";
    public const string EmbeddingColumn = "Embedding";
    public const string NgramFeaturesColumn = "NgramFeatures";
    public const string FastScoreColumn = "FastScore";

    /// <summary>Maps the intent names to keys, sorted by name so the score slots are in a stable order.</summary>
    public static IEstimator<ITransformer> LabelMap(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey(LabelKeyColumn, LabelColumn, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue);

    /// <summary>
    /// Text → L2-normalized TF-IDF n-gram vector: in <see cref="FeaturesColumn"/> for an n-gram-only model, otherwise
    /// in <see cref="NgramFeaturesColumn"/> (see <see cref="WithEmbedding"/>).
    /// </summary>
    public static IEstimator<ITransformer> Featurizer(MLContext ml, IntentModelOptions options, bool withEmbedding)
    {
        var tfidf = NgramExtractingEstimator.WeightingCriteria.TfIdf;
        var columns = new List<string>();
        IEstimator<ITransformer> chain = ml.Transforms.Text.NormalizeText(
            "NText", TextColumn, TextNormalizingEstimator.CaseMode.Lower,
            keepDiacritics: false, keepPunctuations: false, keepNumbers: true);

        if (options.Features == IntentFeatures.WordAndChar)
        {
            chain = chain
                .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "NText"))
                .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
                .Append(ml.Transforms.Text.ProduceNgrams("WordNgrams", "WordKeys", ngramLength: options.WordNgramLength, useAllLengths: true, maximumNgramsCount: options.MaximumNgramsPerLength, weighting: tfidf));
            columns.Add("WordNgrams");
        }

        // Character n-grams are typo-robust and gave the best out-of-scope separation in every measured run.
        chain = chain.Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", "NText", useMarkerCharacters: true));
        for (var n = options.CharNgramMin; n <= options.CharNgramMax; n++)
        {
            var name = "Char" + n;
            chain = chain.Append(ml.Transforms.Text.ProduceNgrams(name, "Chars", ngramLength: n, useAllLengths: false, maximumNgramsCount: options.MaximumNgramsPerLength, weighting: tfidf));
            columns.Add(name);
        }

        chain = chain.Append(ml.Transforms.Concatenate("RawFeatures", [.. columns]));
        return chain.Append(ml.Transforms.NormalizeLpNorm(withEmbedding ? NgramFeaturesColumn : FeaturesColumn, "RawFeatures"));
    }

    /// <summary>
    /// After <see cref="Featurizer"/> with an embedding: optionally the fast stage (a maximum-entropy learner on the
    /// n-grams alone, its probabilities kept in <see cref="FastScoreColumn"/>), then the n-gram vector followed by the
    /// sentence vector (also of unit length, so both blocks weigh the same) in <see cref="FeaturesColumn"/>.
    /// </summary>
    /// <remarks>
    /// Both stages share one featurization and live in one model file. The fast stage's score does not depend on the
    /// embedding, so a caller can score with a zero vector first and encode the text only when the fast stage is unsure.
    /// </remarks>
    public static IEstimator<ITransformer> WithEmbedding(MLContext ml, IntentModelOptions options, bool fastStage)
    {
        var combine = ml.Transforms.Concatenate(FeaturesColumn, NgramFeaturesColumn, EmbeddingColumn);
        return fastStage
            ? MaxEnt(ml, options, NgramFeaturesColumn)
                .Append(ml.Transforms.CopyColumns(FastScoreColumn, ScoreColumn))
                .Append(combine)
            : combine;
    }

    /// <summary>The learner(s) on top of <see cref="FeaturesColumn"/>.</summary>
    public static IEstimator<ITransformer> Learners(MLContext ml, IntentModelOptions options)
    {
        var perceptron = ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
        {
            LabelColumnName = LabelKeyColumn,
            FeatureColumnName = FeaturesColumn,
            NumberOfIterations = options.PerceptronIterations,
        });
        var ova = ml.MulticlassClassification.Trainers.OneVersusAll(perceptron, LabelKeyColumn, useProbabilities: true);
        if (options.Learner == IntentLearner.AveragedPerceptron)
        {
            return ova;
        }

        var maxEnt = MaxEnt(ml, options, FeaturesColumn);
        if (options.Learner == IntentLearner.MaxEnt)
        {
            return maxEnt;
        }

        // The second learner's Score hides the first one's, so keep a copy of the maximum-entropy scores.
        // The perceptron is trained unweighted: BalanceClasses applies to the maximum-entropy learner only.
        return maxEnt
            .Append(ml.Transforms.CopyColumns(MaxEntScoreColumn, ScoreColumn))
            .Append(ova);
    }

    private static LbfgsMaximumEntropyMulticlassTrainer MaxEnt(MLContext ml, IntentModelOptions options, string features) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = LabelKeyColumn,
            FeatureColumnName = features,
            L1Regularization = options.L1Regularization,
            L2Regularization = options.L2Regularization,
            HistorySize = options.HistorySize,
            MaximumNumberOfIterations = options.MaximumIterations,
            ExampleWeightColumnName = options.BalanceClasses ? WeightColumn : null,
            OptimizationTolerance = options.OptimizationTolerance,
            NumberOfThreads = options.NumberOfThreads,
        });
}
