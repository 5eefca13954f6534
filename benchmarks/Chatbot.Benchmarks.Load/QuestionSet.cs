using Chatbot.Faq.Answering;
using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Chatbot.Faq.Safety;

namespace Chatbot.Benchmarks.Load;

/// <summary>The questions the simulated patients ask, in rotation, read from the repository's faq-data.</summary>
internal sealed class QuestionSet
{
    private QuestionSet(IReadOnlyList<string> texts) => Texts = texts;

    /// <summary>The questions, in file order (examples first, then the staff test questions).</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Reads the FAQ example questions and/or the staff test questions.</summary>
    public static QuestionSet Load(string dataFolder, QuestionMix mix)
    {
        var texts = new List<string>();
        if (mix == QuestionMix.All)
        {
            texts.AddRange(new FaqDatasetLoader().Load(dataFolder).Entries.SelectMany(e => e.Examples));
        }

        texts.AddRange(new TestConversationLoader().LoadFromDataFolder(dataFolder)?.Tests.Select(t => t.Text) ?? []);
        return texts.Count == 0
            ? throw new InvalidOperationException($"No questions found in {dataFolder}.")
            : new QuestionSet(texts);
    }

    /// <summary>
    /// Which path each question takes in the bot on a public channel (mirrors <c>ClinicBot</c>): stopped by the safety
    /// gate, answered by exact match on an approved example (no model call), or classified by the model.
    /// </summary>
    public string DescribePaths(FaqKnowledge knowledge)
    {
        var gate = new SafetyRules();
        int safety = 0, exact = 0, classified = 0;
        foreach (var text in Texts)
        {
            var match = knowledge.MatchExact(text);
            if (gate.Assess(text).Risk != SafetyRisk.None)
            {
                safety++;
            }
            else if (match is not null && match.IsPublic && match.Kind != IntentKind.OutOfScope)
            {
                exact++;
            }
            else
            {
                classified++;
            }
        }

        return $"{Texts.Count} questions: {classified} classified by the model ({Percent(classified)}), "
            + $"{exact} answered by exact match on an approved example ({Percent(exact)}), {safety} stopped by the safety gate";
    }

    private string Percent(int count) => $"{100.0 * count / Texts.Count:0}%";
}
