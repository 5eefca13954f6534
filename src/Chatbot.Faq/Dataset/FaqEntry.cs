namespace Chatbot.Faq.Dataset;

/// <summary>Who may see an entry's answer.</summary>
public enum Audience
{
    /// <summary>Patients on public channels (the website) and staff.</summary>
    Patient,

    /// <summary>Staff only (Teams in the clinic's tenant).</summary>
    Staff,

    /// <summary>Everyone.</summary>
    Both,
}

/// <summary>What the bot does with an intent, derived from the id prefix.</summary>
public enum IntentKind
{
    /// <summary><c>faq/…</c>: give the approved answer.</summary>
    Faq,

    /// <summary><c>staff/…</c>: staff-only facts about the bot and clinic operations.</summary>
    Staff,

    /// <summary><c>smalltalk/…</c>: greeting, thanks, goodbye, help, start over.</summary>
    SmallTalk,

    /// <summary><c>booking/…</c>: start the booking dialog.</summary>
    Booking,

    /// <summary><c>handoff/…</c>: hand the conversation to a person.</summary>
    Handoff,

    /// <summary><c>clinician/…</c>: personal medical questions, always referred to a clinician.</summary>
    Clinician,

    /// <summary><c>out_of_scope</c>: things the bot must not answer.</summary>
    OutOfScope,
}

/// <summary>One intent of the FAQ dataset: the ways people ask it and the approved answer.</summary>
/// <param name="Id">Stable id, e.g. <c>faq/infusion_duration</c>.</param>
/// <param name="Title">Short question shown on buttons.</param>
/// <param name="Audience">Who may see the answer.</param>
/// <param name="Examples">Example questions (training data).</param>
/// <param name="Answer">The approved answer (Markdown).</param>
/// <param name="FollowUps">Ids of entries offered as buttons after the answer.</param>
/// <param name="Source">Where the facts come from.</param>
/// <param name="Owner">Who is responsible for the entry.</param>
/// <param name="LastReviewed">When the entry was last reviewed.</param>
/// <param name="ReviewBy">When the entry must be reviewed again, if set.</param>
/// <param name="Topic">The topic (file) the entry belongs to.</param>
/// <param name="File">Path of the file the entry was read from.</param>
/// <param name="Line">Line of the entry in that file.</param>
public sealed record FaqEntry(
    string Id,
    string Title,
    Audience Audience,
    IReadOnlyList<string> Examples,
    string Answer,
    IReadOnlyList<string> FollowUps,
    string Source,
    string Owner,
    DateOnly LastReviewed,
    DateOnly? ReviewBy,
    string Topic,
    string File,
    int Line)
{
    /// <summary>The id of the out-of-scope intent.</summary>
    public const string OutOfScopeId = "out_of_scope";

    /// <summary>What the bot does with this intent.</summary>
    public IntentKind Kind => KindOf(Id);

    /// <summary>Derives the kind of an intent from its id prefix.</summary>
    public static IntentKind KindOf(string id) => id switch
    {
        OutOfScopeId => IntentKind.OutOfScope,
        _ when id.StartsWith("faq/", StringComparison.Ordinal) => IntentKind.Faq,
        _ when id.StartsWith("staff/", StringComparison.Ordinal) => IntentKind.Staff,
        _ when id.StartsWith("smalltalk/", StringComparison.Ordinal) => IntentKind.SmallTalk,
        _ when id.StartsWith("booking/", StringComparison.Ordinal) => IntentKind.Booking,
        _ when id.StartsWith("handoff/", StringComparison.Ordinal) => IntentKind.Handoff,
        _ when id.StartsWith("clinician/", StringComparison.Ordinal) => IntentKind.Clinician,
        _ => IntentKind.OutOfScope,
    };

    /// <summary>True when the answer may be shown on a public (patient) channel.</summary>
    public bool IsPublic => Audience is Audience.Patient or Audience.Both;

    /// <summary>
    /// True for a draft (<c>"draft": true</c> in the file): imported or not yet reviewed. Drafts are kept apart in
    /// <see cref="FaqDataset.Drafts"/>: never trained on, never answered, validated only lightly until published.
    /// </summary>
    public bool Draft { get; init; }
}
