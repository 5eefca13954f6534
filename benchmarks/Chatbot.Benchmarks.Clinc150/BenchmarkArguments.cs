using System.Globalization;
using Chatbot.Faq;
using Chatbot.Faq.Classification;

namespace Chatbot.Benchmarks.Clinc150;

/// <summary>The benchmark's command line (deliberately tiny: key/value pairs).</summary>
internal sealed record BenchmarkArguments(
    string DataPath, string Name, IntentModelOptions Options, bool OosClass, string? ResultsPath, IReadOnlyList<double> EnsembleWeights)
{
    public string? SaveModelPath { get; init; }

    public string? LatencyModelPath { get; init; }

    public static BenchmarkArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var c = CultureInfo.InvariantCulture;
        var options = new IntentModelOptions();
        if (values.TryGetValue("features", out var f))
        {
            options.Features = f == "c" ? IntentFeatures.CharOnly : IntentFeatures.WordAndChar;
        }

        if (values.TryGetValue("word", out var w))
        {
            options.WordNgramLength = int.Parse(w, c);
        }

        if (values.TryGetValue("char", out var ch))
        {
            var parts = ch.Split('-');
            options.CharNgramMin = int.Parse(parts[0], c);
            options.CharNgramMax = int.Parse(parts[^1], c);
        }

        if (values.TryGetValue("l2", out var l2))
        {
            options.L2Regularization = float.Parse(l2, c);
        }

        if (values.TryGetValue("iter", out var iter))
        {
            options.MaximumIterations = int.Parse(iter, c);
        }

        if (values.TryGetValue("ngrams", out var ngrams))
        {
            options.MaximumNgramsPerLength = int.Parse(ngrams, c);
        }

        if (values.TryGetValue("balance", out var balance))
        {
            options.BalanceClasses = bool.Parse(balance);
        }

        if (values.TryGetValue("tol", out var tol))
        {
            options.OptimizationTolerance = float.Parse(tol, c);
        }

        if (values.TryGetValue("threads", out var threads))
        {
            options.NumberOfThreads = threads == "all" ? null : int.Parse(threads, c);
        }

        if (values.TryGetValue("learner", out var learner))
        {
            options.Learner = learner switch
            {
                "ens" => IntentLearner.MaxEntPlusAveragedPerceptron,
                "ap" => IntentLearner.AveragedPerceptron,
                _ => IntentLearner.MaxEnt,
            };
        }

        if (values.TryGetValue("ens-weight", out var ew))
        {
            options.EnsembleWeight = double.Parse(ew, c);
        }

        if (values.TryGetValue("ap-iter", out var ap))
        {
            options.PerceptronIterations = int.Parse(ap, c);
        }

        var root = FaqPaths.FindRepositoryRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;
        var data = values.GetValueOrDefault("data") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "clinc150", "data_full.json"));
        var oos = !values.TryGetValue("oos-class", out var o) || bool.Parse(o);
        var weights = values.TryGetValue("ens-weights", out var ws)
            ? ws.Split(',').Select(x => double.Parse(x, c)).ToList()
            : new List<double>();
        return new BenchmarkArguments(data, values.GetValueOrDefault("name") ?? "default", options, oos, values.GetValueOrDefault("results"), weights)
        {
            SaveModelPath = values.GetValueOrDefault("save-model"),
            LatencyModelPath = values.GetValueOrDefault("latency-model"),
        };
    }
}
