using System.Diagnostics;
using System.Globalization;
using Chatbot.Benchmarks.Clinc150;
using Chatbot.Faq;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Newtonsoft.Json;

// Usage (from the repo root):
//   dotnet run -c Release --project benchmarks/Chatbot.Benchmarks.Clinc150 -- [--data PATH] [--name NAME]
//     [--features wc|c] [--word N] [--char MIN-MAX] [--l2 X] [--tol X] [--iter N] [--ngrams N] [--balance true|false] [--threads N|all]
//     [--learner maxent|ens|ap] [--ens-weight W] [--ap-iter N] [--oos-class true|false] [--results FILE]
//     [--ens-weights 0,0.5,1] [--save-model FILE.zip] [--latency-model FILE.zip]
// One configuration per process, so that peak memory is that configuration's own.
var arguments = BenchmarkArguments.Parse(args);
if (!File.Exists(arguments.DataPath))
{
    // CLINC150 is not part of the repository (CC BY 3.0, kept beside it in CI); a clone must say where its copy is.
    Console.Error.WriteLine($"error: no CLINC150 data at {arguments.DataPath}; pass --data <path to data_full.json>.");
    Environment.ExitCode = 2;
    return;
}
var options = arguments.Options;
var culture = CultureInfo.InvariantCulture;
Console.Error.WriteLine($"[{arguments.Name}] loading {arguments.DataPath}");
var data = Clinc150Data.Load(arguments.DataPath);
if (arguments.LatencyModelPath is { } latencyModel)
{
    // Latency only, on a model saved earlier with --save-model: quick to repeat when the machine is quiet.
    using var stream = File.OpenRead(latencyModel);
    var saved = IntentModel.Load(stream, options.EnsembleWeight);
    var (lp50, lp99) = Latency(new IntentClassifier(saved, Metadata(saved, options, 0)), data.Test.Select(t => t.Text).ToList());
    Console.WriteLine(string.Create(culture, $"| {arguments.Name} | latency only | p50 {lp50:F0} µs | p99 {lp99:F0} µs | load {LoadAverage()} |"));
    return;
}

var train = arguments.OosClass ? data.Train.Concat(data.OosTrain).ToList() : data.Train.ToList();

var trainer = new IntentModelTrainer(options);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
var model = trainer.Fit(train);
var trainSeconds = stopwatch.Elapsed.TotalSeconds;

// CPU seconds are reported beside wall-clock seconds: on a shared 2-core machine the wall clock includes waiting for other work.
var trainCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
Console.Error.WriteLine($"[{arguments.Name}] trained on {train.Count} utterances in {trainSeconds:F1} s");

using var zip = new MemoryStream();
model.Save(zip);
if (arguments.SaveModelPath is { } savePath)
{
    File.WriteAllBytes(savePath, zip.ToArray());
}

var modelMb = zip.Length / 1024.0 / 1024.0;

var metadata = Metadata(model, options, train.Count);
var (p50, p99) = Latency(new IntentClassifier(model, metadata), data.Test.Select(t => t.Text).ToList());
var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;

// For a two-learner model, also report other maximum-entropy weights (1 = maximum entropy alone, 0 = perceptron alone).
var weights = model.IsEnsemble ? arguments.EnsembleWeights.Prepend(options.EnsembleWeight).Distinct().ToArray() : [options.EnsembleWeight];
foreach (var weight in weights)
{
    var scorer = weight == options.EnsembleWeight ? model : Reload(zip, weight);
    var val = Score(scorer, data.Val.Concat(data.OosVal).ToList());
    var test = Score(scorer, data.Test.Concat(data.OosTest).ToList());
    var valArgmax = ThresholdRules.Measure(val, 0f).InScopeAccuracy;
    var name = model.IsEnsemble ? string.Create(culture, $"{arguments.Name} w={weight}") : arguments.Name;
    foreach (var rule in ThresholdRules.Names)
    {
        var t = ThresholdRules.Choose(rule, val);
        var m = ThresholdRules.Measure(test, t);
        var row = new
        {
            name,
            rule,
            threshold = t,
            inScopeAccuracy = Math.Round(m.InScopeAccuracy * 100, 2),
            oosRecall = Math.Round(m.OosRecall * 100, 2),
            oosPrecision = Math.Round(m.OosPrecision * 100, 2),
            valArgmaxInScopeAccuracy = Math.Round(valArgmax * 100, 2),
            trainSeconds = Math.Round(trainSeconds, 1),
            trainCpuSeconds = Math.Round(trainCpuSeconds, 1),
            loadAverage = LoadAverage(),
            modelMb = Math.Round(modelMb, 2),
            p50Us = Math.Round(p50, 1),
            p99Us = Math.Round(p99, 1),
            peakMb = Math.Round(peakMb, 0),
            signature = options.Signature,
            oosClass = arguments.OosClass,
            date = DateTime.UtcNow.ToString("yyyy-MM-dd", culture),
            cores = Environment.ProcessorCount,
        };
        Console.WriteLine(string.Create(culture,
            $"| {row.name} | {rule} (t={t:F2}) | {row.inScopeAccuracy:F2} | {row.oosRecall:F2} | {row.oosPrecision:F2} | {row.trainSeconds:F1} ({row.trainCpuSeconds:F0} CPU) | {row.modelMb:F1} | {row.p50Us:F0} | {row.p99Us:F0} | {row.peakMb:F0} | val {row.valArgmaxInScopeAccuracy:F2} |"));
        if (arguments.ResultsPath is { } results)
        {
            File.AppendAllText(results, JsonConvert.SerializeObject(row) + Environment.NewLine);
        }
    }
}

static ModelMetadata Metadata(IntentModel model, IntentModelOptions options, int examples) => new()
{
    DatasetHash = "clinc150",
    PipelineSignature = options.Signature,
    CreatedAt = DateTimeOffset.UnixEpoch,
    Intents = model.Labels,
    ExampleCount = examples,
    Thresholds = new IntentThresholds(0.5f, 0.1f),
    Metrics = new ModelMetrics(0, 0, 0, null, null, 0, 0),
    MlNetVersion = IntentModelTrainer.MlNetVersion,
    EnsembleWeight = model.IsEnsemble ? options.EnsembleWeight : null,
};

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static IntentModel Reload(MemoryStream zip, double weight)
{
    zip.Position = 0;
    return IntentModel.Load(zip, weight);
}

static List<Outcome> Score(IntentModel model, List<LabeledText> items)
{
    var scores = model.Score(items.Select(i => i.Text).ToList());
    var outcomes = new List<Outcome>(items.Count);
    for (var i = 0; i < items.Count; i++)
    {
        var s = scores[i];
        var best = 0;
        for (var j = 1; j < s.Length; j++)
        {
            if (s[j] > s[best])
            {
                best = j;
            }
        }

        var label = model.Labels[best];
        var trueOos = items[i].Label == FaqEntry.OutOfScopeId;
        outcomes.Add(new Outcome(trueOos, !trueOos && label == items[i].Label, label == FaqEntry.OutOfScopeId, s[best]));
    }

    return outcomes;
}

static (double P50, double P99) Latency(IntentClassifier classifier, List<string> texts)
{
    for (var i = 0; i < 500; i++)
    {
        classifier.Classify(texts[i % texts.Count]);
    }

    var micros = new double[texts.Count];
    for (var i = 0; i < texts.Count; i++)
    {
        var start = Stopwatch.GetTimestamp();
        classifier.Classify(texts[i]);
        micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    Array.Sort(micros);
    return (micros[(int)(0.50 * (micros.Length - 1))], micros[(int)(0.99 * (micros.Length - 1))]);
}
