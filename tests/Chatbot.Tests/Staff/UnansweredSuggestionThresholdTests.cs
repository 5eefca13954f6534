using System.Globalization;
using Chatbot.Faq.Dataset;
using Chatbot.Staff;
using Chatbot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Chatbot.Tests.Staff;

/// <summary>
/// The data behind <see cref="StaffOptions.SuggestionThreshold"/> (issue 15): on the held-out real-world questions and
/// the real model, suggestions at or above the threshold are nearly always the right entry, and out-of-scope questions
/// rarely get one. Prints the table docs/decisions.md quotes.
/// </summary>
public sealed class UnansweredSuggestionThresholdTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheDefaultThresholdKeepsSuggestionsRightOnHeldOutQuestions()
    {
        await using var factory = new ChatbotAppFactory();
        var knowledge = await KnowledgeReady.WaitAsync(factory.Services);
        var threshold = new StaffOptions().SuggestionThreshold;
        var tests = (JArray)JObject.Parse(File.ReadAllText(Path.Combine(FaqDataFolder.Path, "tests", "real-world-questions.json")))["tests"]!;
        var rows = tests.OfType<JObject>().Select(t =>
        {
            var top = knowledge.Classifier.Classify((string)t["text"]!).Top;
            var best = top.Where(s => s.Intent != FaqEntry.OutOfScopeId).Select(s => (s.Intent, Score: (double)s.Score)).DefaultIfEmpty(("none", 0)).First();
            return (Expected: (string)t["intent"]!, best.Intent, best.Score, OutOfScopeFirst: top.Count > 0 && top[0].Intent == FaqEntry.OutOfScopeId);
        }).ToList();

        foreach (var t in new[] { 0.1, 0.2, 0.3, 0.4, 0.5 })
        {
            var suggested = rows.Where(r => !r.OutOfScopeFirst && r.Score >= t).ToList();
            var inScope = suggested.Where(r => r.Expected != FaqEntry.OutOfScopeId).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threshold {t:0.0}: in-scope suggested {inScope.Count}, right {inScope.Count(r => r.Intent == r.Expected)}; out-of-scope suggested {suggested.Count - inScope.Count} of {rows.Count(r => r.Expected == FaqEntry.OutOfScopeId)}"));
        }

        var atDefault = rows.Where(r => r.Expected != FaqEntry.OutOfScopeId && !r.OutOfScopeFirst && r.Score >= threshold).ToList();
        var precision = atDefault.Count(r => r.Intent == r.Expected) / (double)atDefault.Count;
        var outOfScope = rows.Where(r => r.Expected == FaqEntry.OutOfScopeId).ToList();
        var outOfScopeSuggested = outOfScope.Count(r => !r.OutOfScopeFirst && r.Score >= threshold) / (double)outOfScope.Count;
        Assert.True(precision >= 0.95, $"At {threshold} only {precision:P0} of suggestions are right.");
        Assert.True(outOfScopeSuggested <= 0.2, $"At {threshold} {outOfScopeSuggested:P0} of out-of-scope questions get a suggestion.");
    }
}
