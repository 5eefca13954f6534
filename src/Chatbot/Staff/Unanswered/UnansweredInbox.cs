using Chatbot.Faq.Dataset;
using Chatbot.Knowledge;
using Chatbot.Privacy;
using Chatbot.Staff.Editing;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Staff.Unanswered;

/// <summary>
/// The staff page's list of questions the bot could not answer or was unsure about: grouped, counted, with the
/// closest entries suggested, minus what staff already dismissed or turned into examples (and minus wordings that
/// are already examples of an entry). Every text here was redacted before it was stored; text that becomes an
/// example is redacted again.
/// </summary>
public sealed class UnansweredInbox(
    IUnansweredQuestionStore questions,
    IUnansweredReviewStore reviews,
    FaqKnowledgeProvider knowledge,
    FaqEditor editor,
    PersonalDataRedactor redactor,
    IStaffAuditLog audit,
    TimeProvider timeProvider,
    IOptions<StaffOptions> staffOptions,
    IOptions<StorageOptions> storageOptions)
{
    private const int MaxSuggestions = 3;

    /// <summary>The open groups, biggest first, each with up to three suggested entries.</summary>
    public async Task<IReadOnlyList<UnansweredCluster>> ListAsync(FaqWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var since = timeProvider.GetUtcNow() - storageOptions.Value.UnansweredRetention;
        var asked = await questions.ListAsync(since, staffOptions.Value.UnansweredLimit, cancellationToken);
        var reviewed = await reviews.ReviewedKeysAsync(cancellationToken);
        var known = workspace.AllEntries.SelectMany(e => e.Examples).Select(ExampleText.Normalize).ToHashSet(StringComparer.Ordinal);
        var open = asked.Where(q => ExampleText.Normalize(q.RedactedText) is var key && !reviewed.Contains(key) && !known.Contains(key));
        return [.. UnansweredClusterer.Cluster(open, staffOptions.Value.SimilarityThreshold).Select(c => c with { Suggestions = Suggest(c, workspace) })];
    }

    /// <summary>Dismisses wordings as noise: they leave the list (new questions with the same wording too).</summary>
    public async Task DismissAsync(string user, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var keys = Keys(texts);
        if (keys.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        await reviews.MarkAsync(keys, UnansweredReviewAction.Dismissed, null, user, now, cancellationToken);
        await audit.AppendAsync(new StaffAuditRecord(0, now, user, StaffAuditActions.Dismiss, null, null, null, null,
            string.Join(" | ", texts.Select(t => redactor.Redact(t)))), cancellationToken);
    }

    /// <summary>Adds the wordings (redacted again) to an entry as examples, then takes them off the list.</summary>
    public async Task<EditOutcome> AddAsExamplesAsync(string user, string entryId, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var examples = texts.Select(t => redactor.Redact(t).Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (examples.Count == 0)
        {
            return EditOutcome.Of(EditStatus.Invalid, "Tick at least one question to add.");
        }

        var outcome = await editor.AddExamplesAsync(user, entryId, examples, cancellationToken);
        if (outcome.Succeeded)
        {
            await MarkAddedAsync(user, entryId, texts, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Takes wordings off the list after they became examples of <paramref name="entryId"/> (e.g. a new draft).</summary>
    public Task MarkAddedAsync(string user, string entryId, IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        reviews.MarkAsync(Keys(texts), UnansweredReviewAction.AddedAsExample, entryId, user, timeProvider.GetUtcNow(), cancellationToken);

    private static List<string> Keys(IEnumerable<string> texts) =>
        [.. texts.Select(ExampleText.Normalize).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    private IReadOnlyList<EntrySuggestion> Suggest(UnansweredCluster cluster, FaqWorkspace workspace)
    {
        // The guesses recorded when the questions were asked, averaged, plus the current model's view of the headline.
        var scores = cluster.TopIntents.ToDictionary(p => p.Key, p => p.Value / cluster.Count, StringComparer.Ordinal);
        if (knowledge.Current is { } current)
        {
            foreach (var score in current.Classifier.Classify(cluster.Headline).Top)
            {
                scores[score.Intent] = scores.GetValueOrDefault(score.Intent) + score.Score;
            }
        }

        return
        [
            .. scores
                .Where(s => s.Key != FaqEntry.OutOfScopeId)
                .Select(s => (Entry: workspace.Find(s.Key), s.Value))
                .Where(s => s.Entry is not null)
                .OrderByDescending(s => s.Value)
                .Take(MaxSuggestions)
                .Select(s => new EntrySuggestion(s.Entry!.Id, s.Entry.Title, s.Value)),
        ];
    }
}
