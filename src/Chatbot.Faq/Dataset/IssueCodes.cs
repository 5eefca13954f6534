namespace Chatbot.Faq.Dataset;

/// <summary>The codes of <see cref="ValidationIssue"/>s.</summary>
public static class IssueCodes
{
    /// <summary>A file could not be read or is not valid JSON.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>A required field is missing or empty.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A field has the wrong type (e.g. a number where text is expected).</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A field name is not part of the file format (often a typo).</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>The audience is not patient, staff or both.</summary>
    public const string UnknownAudience = "unknown-audience";

    /// <summary>An id does not follow the <c>prefix/snake_case</c> format.</summary>
    public const string BadId = "bad-id";

    /// <summary>Two entries share an id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>The same example question is listed under two intents.</summary>
    public const string ConflictingExample = "conflicting-example";

    /// <summary>The same example question is listed twice under one intent.</summary>
    public const string DuplicateExample = "duplicate-example";

    /// <summary>An example question is empty.</summary>
    public const string EmptyExample = "empty-example";

    /// <summary>An example question is longer than 300 characters.</summary>
    public const string LongExample = "long-example";

    /// <summary>An entry has fewer example questions than the minimum.</summary>
    public const string TooFewExamples = "too-few-examples";

    /// <summary>A follow-up refers to an id that does not exist.</summary>
    public const string UnknownFollowUp = "unknown-follow-up";

    /// <summary>A follow-up refers to the entry itself.</summary>
    public const string SelfFollowUp = "self-follow-up";

    /// <summary>An answer is empty.</summary>
    public const string EmptyAnswer = "empty-answer";

    /// <summary>A date is not written as YYYY-MM-DD or does not exist.</summary>
    public const string BadDate = "bad-date";

    /// <summary>The review-by date has passed.</summary>
    public const string ReviewOverdue = "review-overdue";

    /// <summary>The last-reviewed date is in the future.</summary>
    public const string ReviewedInFuture = "reviewed-in-future";

    /// <summary>A title is shorter than 3 or longer than 60 characters.</summary>
    public const string TitleLength = "title-length";

    /// <summary>A staff-only intent is visible to patients.</summary>
    public const string AudienceMismatch = "audience-mismatch";

    /// <summary>The data folder has no FAQ files or fewer than two intents.</summary>
    public const string NoData = "no-data";

    /// <summary>There is no <c>out_of_scope</c> entry.</summary>
    public const string NoOutOfScope = "no-out-of-scope";

    /// <summary>A test conversation expects an intent that does not exist.</summary>
    public const string UnknownTestIntent = "unknown-test-intent";

    /// <summary>An entry is a draft: not used for answers until it is published.</summary>
    public const string Draft = "draft";

    /// <summary>A draft repeats an example question of a published entry (an error once the draft is published).</summary>
    public const string DraftConflictingExample = "draft-conflicting-example";

    /// <summary>An answer names a <c>{clinic.…}</c> setting the bot cannot fill in.</summary>
    public const string UnknownPlaceholder = "unknown-placeholder";
}
