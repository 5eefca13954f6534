using Chatbot.Faq.Dataset;

namespace Chatbot.Staff.Pages;

/// <summary>What a page tells the staff member after an action: success, or an error with validation issues.</summary>
public sealed class StaffMessages
{
    /// <summary>A success message.</summary>
    public string? Success { get; set; }

    /// <summary>An error message.</summary>
    public string? Error { get; set; }

    /// <summary>Validation issues to list (errors that refused a change, or warnings).</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; set; } = [];
}
