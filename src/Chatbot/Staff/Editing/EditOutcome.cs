using Chatbot.Faq.Dataset;

namespace Chatbot.Staff.Editing;

/// <summary>What happened to a change.</summary>
public enum EditStatus
{
    /// <summary>Written to the file and the audit log.</summary>
    Saved,

    /// <summary>Nothing differed from the file; nothing was written.</summary>
    Unchanged,

    /// <summary>The change would add validation errors (see <see cref="EditOutcome.Issues"/>); nothing was written.</summary>
    Invalid,

    /// <summary>Someone else changed the entry since it was loaded; nothing was written.</summary>
    Conflict,

    /// <summary>The entry (or file) is not there any more, or is already there for a new one; nothing was written.</summary>
    NotFound,

    /// <summary>The file could not be read or written (a full disk, permissions); nothing was changed.</summary>
    Failed,
}

/// <summary>The outcome of a change made on the staff page.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">A sentence for the staff member.</param>
/// <param name="Issues">The validation errors that refused the change, or the warnings of a saved entry.</param>
/// <param name="ETag">The entry's version after a save.</param>
public sealed record EditOutcome(EditStatus Status, string Message, IReadOnlyList<ValidationIssue> Issues, string? ETag = null)
{
    /// <summary>True when the change was written.</summary>
    public bool Succeeded => Status is EditStatus.Saved or EditStatus.Unchanged;

    /// <summary>An outcome without issues.</summary>
    public static EditOutcome Of(EditStatus status, string message) => new(status, message, []);
}
