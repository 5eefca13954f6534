// Measures the safety gate (docs/benchmarks.md, "Safety gate"):
//   1. out-of-fold risk probabilities of the learned layer on its training corpus (5 folds) → the recall/false-alarm
//      trade-off used to choose SafetyModel.Threshold;
//   2. the held-out evaluation set (tests/Chatbot.Faq.Tests/Safety/crisis-evaluation.json, other sources): recall per
//      family for rules alone, model alone and the gate; false alarms on look-alikes; "either" families counted apart;
//   3. false alarms on every FAQ example question and the held-out patient questions;
//   4. gate latency per message (cached and unique texts).
// Usage: dotnet run -c Release --project benchmarks/Chatbot.Benchmarks.Safety [-- --repo <path>] [--skip-cv]
using System.Diagnostics;
using System.Globalization;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Embeddings;
using Chatbot.Faq.Safety;

var repo = args.SkipWhile(a => a != "--repo").Skip(1).FirstOrDefault() ?? FindRepo();
var skipCv = args.Contains("--skip-cv");
var inv = CultureInfo.InvariantCulture;
var embedder = SentenceEmbedder.Shared;
var corpus = CrisisCorpus.Embedded;
var evaluation = CrisisCorpus.Parse(File.ReadAllText(Path.Combine(repo, "tests/Chatbot.Faq.Tests/Safety/crisis-evaluation.json")));
Console.WriteLine($"# Safety gate benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()})");
Console.WriteLine($"Training corpus: {corpus.TrainingExamples.Count} examples in {corpus.Families.Count} families; evaluation: {evaluation.Families.Sum(f => f.Examples.Count)} in {evaluation.Families.Count}.");

var faqExamples = new FaqDatasetLoader().Load(Path.Combine(repo, "faq-data")).Examples.Select(e => e.Text).ToList();
if (!skipCv)
{
    var cvWatch = Stopwatch.StartNew();
    var examples = SafetyModel.TrainingExamples(corpus, faqExamples);
    var cv = new IntentModelEvaluator(new IntentModelTrainer(SafetyModel.PipelineOptions, embedder)).CrossValidate(examples, 5);
    var safe = cv.Labels.ToList().IndexOf(CrisisCorpus.Safe);
    Console.WriteLine($"\n## Out-of-fold trade-off on the training corpus ({cvWatch.Elapsed.TotalSeconds:0} s)\n");
    Console.WriteLine("| threshold | recall (full model) | false alarms (full) | recall (n-gram stage) | false alarms (n-gram) |\n|---|---|---|---|---|");
    foreach (var t in new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f })
    {
        Console.WriteLine($"| {t.ToString("0.00", inv)} | {Rate(cv.Scores, cv.Truth, safe, t, true)} | {Rate(cv.Scores, cv.Truth, safe, t, false)} | {Rate(cv.FastScores!, cv.Truth, safe, t, true)} | {Rate(cv.FastScores!, cv.Truth, safe, t, false)} |");
    }
}

var trainWatch = Stopwatch.StartNew();
var holder = new SafetyModelHolder();
holder.Set(SafetyModel.LoadOrTrain(null, embedder, TimeProvider.System, faqExamples));
Console.WriteLine($"\nLearned layer trained in {trainWatch.Elapsed.TotalSeconds:0.0} s. Thresholds: {SafetyModel.Threshold} (full), {SafetyModel.DegradedThreshold} (n-gram stage under overload).");
var rules = new SafetyRules();
var gate = new SafetyGate(rules, holder);

Console.WriteLine("\n## Held-out evaluation set (written from other sources than the training corpus)\n");
Console.WriteLine("| family | label | lang | n | rules | model | gate | gate as the right kind |\n|---|---|---|---|---|---|---|---|");
int riskN = 0, riskGate = 0, lookN = 0, lookFired = 0, eitherN = 0, eitherFired = 0;
var misses = new List<string>();
foreach (var family in evaluation.Families)
{
    int byRules = 0, byModel = 0, byGate = 0, rightKind = 0;
    foreach (var text in family.Examples)
    {
        var r = rules.Assess(text).Risk != SafetyRisk.None;
        var m = MessageParts.Split(text).Any(p => holder.Model!.Score(p).Fires);
        var g = gate.Assess(text);
        byRules += r ? 1 : 0;
        byModel += m ? 1 : 0;
        byGate += g.Risk != SafetyRisk.None ? 1 : 0;
        rightKind += Kind(g.Risk) == family.Label ? 1 : 0;
        if (family.Label is CrisisCorpus.Crisis or CrisisCorpus.Emergency or CrisisCorpus.Poisoning && g.Risk == SafetyRisk.None)
        {
            misses.Add($"{family.Id}: {text}");
        }
        else if (family.Label == CrisisCorpus.Safe && g.Risk != SafetyRisk.None)
        {
            misses.Add($"FALSE ALARM {family.Id} ({g.Rule}): {text}");
        }
    }

    var n = family.Examples.Count;
    Console.WriteLine($"| {family.Id} | {family.Label} | {family.Language} | {n} | {Pct(byRules, n)} | {Pct(byModel, n)} | **{Pct(byGate, n)}** | {Pct(rightKind, n)} |");
    switch (family.Label)
    {
        case CrisisCorpus.Safe: lookN += n; lookFired += byGate; break;
        case CrisisCorpus.Either: eitherN += n; eitherFired += byGate; break;
        default: riskN += n; riskGate += byGate; break;
    }
}

Console.WriteLine($"\nRecall over every risk family: **{Pct(riskGate, riskN)}** ({riskGate}/{riskN}). False alarms on look-alikes: **{Pct(lookFired, lookN)}** ({lookFired}/{lookN}). 'Either' families (may fire by design): {Pct(eitherFired, eitherN)} fired.");

var faqFired = faqExamples.Where(t => gate.Assess(t).Risk != SafetyRisk.None).ToList();
var suicidality = faqFired.Count(t => t.Contains("suicid", StringComparison.OrdinalIgnoreCase));
var realWorld = new TestConversationLoader().Load(Path.Combine(repo, "faq-data/tests/real-world-questions.json")).Tests.Select(t => t.Text).ToList();
var realFired = realWorld.Where(t => gate.Assess(t).Risk != SafetyRisk.None).ToList();
Console.WriteLine($"False alarms on FAQ example questions: **{Pct(faqFired.Count - suicidality, faqExamples.Count)}** ({faqFired.Count - suicidality}/{faqExamples.Count}; plus {suicidality} about suicidality, by design). Held-out patient questions: {Pct(realFired.Count, realWorld.Count)} ({realFired.Count}/{realWorld.Count}).");

// The same held-out set at other thresholds of the learned layer (rules unchanged), to show the trade-off.
Console.WriteLine("\n| learned-layer threshold | held-out recall | look-alike false alarms | held-out patient questions fired |\n|---|---|---|---|");
var risky = evaluation.Families.Where(f => f.Label is CrisisCorpus.Crisis or CrisisCorpus.Emergency or CrisisCorpus.Poisoning).SelectMany(f => f.Examples).ToList();
var lookalikes = evaluation.Families.Where(f => f.Label == CrisisCorpus.Safe).SelectMany(f => f.Examples).ToList();
var maxRisk = new Dictionary<string, float>(StringComparer.Ordinal);
foreach (var text in risky.Concat(lookalikes).Concat(realWorld).Distinct(StringComparer.Ordinal))
{
    maxRisk[text] = MessageParts.Split(text).Select(p => holder.Model!.Score(p).Probability).DefaultIfEmpty(0f).Max();
}

foreach (var t in new[] { 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f })
{
    bool Fires(string text) => rules.Assess(text).Risk != SafetyRisk.None || maxRisk[text] >= t;
    Console.WriteLine($"| {t.ToString("0.0", inv)} | {Pct(risky.Count(Fires), risky.Count)} | {Pct(lookalikes.Count(Fires), lookalikes.Count)} | {Pct(realWorld.Count(Fires), realWorld.Count)} |");
}

// Latency: the gate on repeated texts (embedding cache hits, as under the load benchmark) and on unique texts.
var sample = evaluation.Families.SelectMany(f => f.Examples).Take(200).ToList();
var cached = Time(sample, t => gate.Assess(t));
var unique = Time(sample.Select((t, i) => t + " #" + i.ToString(inv)).ToList(), t => gate.Assess(t));
var rulesOnly = Time(sample, t => rules.Assess(t));
Console.WriteLine($"\nLatency per message, p50 / p99: gate cached {cached}; gate unique texts {unique}; rules alone {rulesOnly}.");
Console.WriteLine("\n## Misses and false alarms on the held-out set\n");
foreach (var miss in misses)
{
    Console.WriteLine("- " + miss.Replace("\n", " ", StringComparison.Ordinal));
}

foreach (var text in faqFired)
{
    Console.WriteLine("- FAQ example fired: " + text);
}

foreach (var text in realFired)
{
    Console.WriteLine("- held-out patient question fired: " + text);
}

string Rate(IReadOnlyList<float[]> scores, IReadOnlyList<int> truth, int safe, float t, bool recall)
{
    int n = 0, hit = 0;
    for (var i = 0; i < scores.Count; i++)
    {
        if ((truth[i] != safe) == recall)
        {
            n++;
            hit += 1 - scores[i][safe] >= t ? 1 : 0;
        }
    }

    return Pct(hit, n);
}

string Pct(int a, int b) => b == 0 ? "–" : (100.0 * a / b).ToString("0.0", inv) + " %";

static string Kind(SafetyRisk risk) => risk switch
{
    SafetyRisk.Crisis => CrisisCorpus.Crisis,
    SafetyRisk.Poisoning => CrisisCorpus.Poisoning,
    SafetyRisk.MedicalEmergency => CrisisCorpus.Emergency,
    _ => CrisisCorpus.Safe,
};

string Time(IReadOnlyList<string> texts, Action<string> action)
{
    foreach (var t in texts.Take(10))
    {
        action(t);
    }

    var ms = new List<double>();
    foreach (var t in texts)
    {
        var start = Stopwatch.GetTimestamp();
        action(t);
        ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    ms.Sort();
    return $"{ms[ms.Count / 2].ToString("0.000", inv)} / {ms[(int)(ms.Count * 0.99)].ToString("0.000", inv)} ms";
}

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Chatbot.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run inside the repository or pass --repo <path>.");
}
