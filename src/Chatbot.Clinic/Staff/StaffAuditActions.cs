namespace Chatbot.Clinic.Staff;

/// <summary>The actions of <see cref="StaffAuditRecord.Action"/>.</summary>
public static class StaffAuditActions
{
    /// <summary>Signed in.</summary>
    public const string SignIn = "sign-in";

    /// <summary>A failed sign-in (wrong password or locked account); the user is the name typed.</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>Signed out.</summary>
    public const string SignOut = "sign-out";

    /// <summary>Changed an entry.</summary>
    public const string Edit = "edit";

    /// <summary>Added an entry.</summary>
    public const string Create = "create";

    /// <summary>Added unanswered questions to an entry as examples.</summary>
    public const string AddExamples = "add-examples";

    /// <summary>Imported drafts from an article or a QnA Maker file.</summary>
    public const string Import = "import";

    /// <summary>Published (or tried to).</summary>
    public const string Publish = "publish";

    /// <summary>Rolled back to the previous version (or tried to).</summary>
    public const string Rollback = "rollback";

    /// <summary>Dismissed unanswered questions as noise.</summary>
    public const string Dismiss = "dismiss";

    /// <summary>Took a patient's live hand-off on the staff page (detail: its reference).</summary>
    public const string HandoffTake = "handoff-take";

    /// <summary>Ended a patient's live hand-off on the staff page (detail: its reference).</summary>
    public const string HandoffEnd = "handoff-end";
}
