using Chatbot.Faq.Answering;
using Chatbot.Faq.Safety;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Chatbot.Tests.Safety;

public sealed class SafetyGateTests(ITestOutputHelper output)
{
    private static readonly JObject Cases = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Safety", "safety-cases.json")));
    private readonly SafetyRules _gate = new();

    public static TheoryData<string> Crisis => Load("crisis");

    public static TheoryData<string> Emergency => Load("emergency");

    public static TheoryData<string> Safe => Load("safe");

    [Theory]
    [MemberData(nameof(Crisis))]
    public void CrisisLanguageGetsTheCrisisResponse(string text) =>
        Assert.Equal(SafetyRisk.Crisis, _gate.Assess(text).Risk);

    [Theory]
    [MemberData(nameof(Emergency))]
    public void EmergencyLanguageIsNeverMissed(string text) =>
        Assert.NotEqual(SafetyRisk.None, _gate.Assess(text).Risk);

    [Theory]
    [MemberData(nameof(Safe))]
    public void OrdinaryQuestionsDoNotTriggerTheGate(string text) =>
        Assert.Equal(SafetyRisk.None, _gate.Assess(text).Risk);

    [Theory]
    [InlineData("I took too much ketamine", SafetyRisk.Poisoning)]
    [InlineData("my husband isn't breathing after his home ketamine", SafetyRisk.MedicalEmergency)]
    [InlineData("I want to overdose on purpose", SafetyRisk.Crisis)]
    [InlineData("can ketamine help suicidal depression?", SafetyRisk.Crisis)]
    [InlineData("I'm going to kill time before my infusion", SafetyRisk.None)]
    [InlineData("", SafetyRisk.None)]
    [InlineData("   ", SafetyRisk.None)]
    [InlineData("🙂🙂🙂", SafetyRisk.None)]
    [InlineData("氯胺酮输液需要多长时间", SafetyRisk.None)]
    public void SpecificCases(string text, SafetyRisk expected) => Assert.Equal(expected, _gate.Assess(text).Risk);

    [Fact]
    public void SuicideLanguageWinsOverEmergencyLanguage() =>
        Assert.Equal(SafetyRisk.Crisis, _gate.Assess("I can't breathe and I want to kill myself").Risk);

    [Fact]
    public void AVeryLongMessageIsAssessedWithoutFailing()
    {
        var text = string.Concat(Enumerable.Repeat("how long does an infusion last ", 400)) + " i want to die";
        Assert.Equal(SafetyRisk.None, _gate.Assess(new string('a', 10_000)).Risk);
        Assert.NotNull(_gate.Assess(text));
    }

    [Fact]
    public void RecallAndFalsePositiveRateOnTheTestSet()
    {
        var crisis = Cases["crisis"]!.Values<string>().ToList();
        var emergency = Cases["emergency"]!.Values<string>().ToList();
        var safe = Cases["safe"]!.Values<string>().ToList();
        var crisisRecall = crisis.Count(t => _gate.Assess(t).Risk == SafetyRisk.Crisis) / (double)crisis.Count;
        var emergencyRecall = emergency.Count(t => _gate.Assess(t).Risk != SafetyRisk.None) / (double)emergency.Count;
        var falsePositiveRate = safe.Count(t => _gate.Assess(t).Risk != SafetyRisk.None) / (double)safe.Count;
        output.WriteLine($"crisis recall {crisisRecall:P1} ({crisis.Count}), emergency recall {emergencyRecall:P1} ({emergency.Count}), false positives {falsePositiveRate:P1} ({safe.Count})");
        Assert.Equal(1.0, crisisRecall);
        Assert.Equal(1.0, emergencyRecall);
        Assert.True(falsePositiveRate <= 0.02, $"false-positive rate {falsePositiveRate:P1}");
    }

    [Fact]
    public void TheGateRarelyFiresOnTheFaqsOwnExampleQuestions()
    {
        var examples = FaqDataFolder.Examples().ToList();
        var fired = examples.Where(e => _gate.Assess(e.Text).Risk != SafetyRisk.None).ToList();
        foreach (var (text, intent) in fired)
        {
            output.WriteLine($"fires on {intent}: {text}");
        }

        // Only questions that themselves mention suicide may fire (the crisis message comes first by design).
        Assert.All(fired, e => Assert.Contains("suicid", e.Text, StringComparison.OrdinalIgnoreCase));
        Assert.True(fired.Count <= examples.Count / 100, $"{fired.Count} of {examples.Count} examples fire");
    }

    private static TheoryData<string> Load(string set)
    {
        var data = new TheoryData<string>();
        foreach (var text in Cases[set]!.Values<string>())
        {
            data.Add(text!);
        }

        return data;
    }
}
