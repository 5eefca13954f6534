namespace Chatbot.Faq.Publishing;

/// <summary>What started a publish, verification or rollback.</summary>
public enum PublishTrigger
{
    /// <summary>A file in the data folder changed (the running bot's watcher).</summary>
    DataFolderChange,

    /// <summary>A member of staff pressed "publish" or "roll back" on the staff page.</summary>
    StaffPage,

    /// <summary>The <c>chatbot publish</c> / <c>chatbot rollback</c> command.</summary>
    Cli,

    /// <summary>The bot starting: first publish, or catching up with edits made while it was stopped.</summary>
    Startup,

    /// <summary>The background cross-validation that follows a fast publish.</summary>
    BackgroundVerification,
}
