using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Newtonsoft.Json.Linq;

namespace Chatbot.Benchmarks.Clinc150;

/// <summary>The "Full" CLINC150 splits (Larson et al. 2019).</summary>
internal sealed record Clinc150Data(
    IReadOnlyList<LabeledText> Train,
    IReadOnlyList<LabeledText> Val,
    IReadOnlyList<LabeledText> Test,
    IReadOnlyList<LabeledText> OosTrain,
    IReadOnlyList<LabeledText> OosVal,
    IReadOnlyList<LabeledText> OosTest)
{
    public static Clinc150Data Load(string path)
    {
        var root = JObject.Parse(File.ReadAllText(path));
        return new Clinc150Data(Split(root, "train"), Split(root, "val"), Split(root, "test"),
            Split(root, "oos_train"), Split(root, "oos_val"), Split(root, "oos_test"));
    }

    private static List<LabeledText> Split(JObject root, string name) =>
        ((JArray)root[name]!).Select(pair =>
        {
            var label = (string)pair[1]!;

            // The dataset calls its out-of-scope label "oos"; the product calls it out_of_scope.
            return new LabeledText((string)pair[0]!, label == "oos" ? FaqEntry.OutOfScopeId : label);
        }).ToList();
}
