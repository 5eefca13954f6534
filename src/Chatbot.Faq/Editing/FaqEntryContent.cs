using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Editing;

/// <summary>What staff can write in one entry of a topic file: the fields of the FAQ format, without file position.</summary>
/// <param name="Id">Stable id, e.g. <c>faq/infusion_duration</c>.</param>
/// <param name="Title">Short question shown on buttons.</param>
/// <param name="Audience">Who may see the answer.</param>
/// <param name="Examples">Example questions.</param>
/// <param name="Answer">The approved answer (Markdown).</param>
/// <param name="FollowUps">Ids of entries offered after the answer.</param>
/// <param name="Source">Where the facts come from.</param>
/// <param name="Owner">Who is responsible for the entry.</param>
/// <param name="LastReviewed">When the entry was last reviewed.</param>
/// <param name="ReviewBy">When it must be reviewed again, if set.</param>
/// <param name="Draft">True while the entry is a draft (not used by the bot).</param>
public sealed record FaqEntryContent(
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
    bool Draft)
{
    /// <summary>The content of a loaded entry.</summary>
    public static FaqEntryContent From(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new FaqEntryContent(
            entry.Id, entry.Title, entry.Audience, entry.Examples, entry.Answer, entry.FollowUps, entry.Source, entry.Owner,
            entry.LastReviewed, entry.ReviewBy, entry.Draft);
    }

    /// <summary>The audience as written in the files: <c>patient</c>, <c>staff</c> or <c>both</c>.</summary>
    public static string AudienceName(Audience audience) => audience switch
    {
        Audience.Patient => "patient",
        Audience.Staff => "staff",
        _ => "both",
    };

    /// <summary>Parses <c>patient</c>, <c>staff</c> or <c>both</c> (any case).</summary>
    public static bool TryParseAudience(string? text, out Audience audience)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "patient":
                audience = Audience.Patient;
                return true;
            case "staff":
                audience = Audience.Staff;
                return true;
            case "both":
                audience = Audience.Both;
                return true;
            default:
                audience = Audience.Staff;
                return false;
        }
    }

    /// <summary>True when both describe the same content (examples and follow-ups compared in order).</summary>
    public bool SameContentAs(FaqEntryContent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && Title == other.Title && Audience == other.Audience && Answer == other.Answer
            && Source == other.Source && Owner == other.Owner && LastReviewed == other.LastReviewed
            && ReviewBy == other.ReviewBy && Draft == other.Draft
            && Examples.SequenceEqual(other.Examples, StringComparer.Ordinal)
            && FollowUps.SequenceEqual(other.FollowUps, StringComparer.Ordinal);
    }
}
