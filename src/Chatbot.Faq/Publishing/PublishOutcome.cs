namespace Chatbot.Faq.Publishing;

/// <summary>How a publish, verification or rollback ended.</summary>
public enum PublishOutcome
{
    /// <summary>The candidate passed the gate and is now the current version (for <see cref="PublishAction.Verify"/>: it stays current).</summary>
    Accepted,

    /// <summary>The candidate failed validation or the quality gate; the current version did not change.</summary>
    Rejected,

    /// <summary>The data folder holds exactly the current version (or content withdrawn by a rollback): nothing to do.</summary>
    Unchanged,

    /// <summary>The previous version is current again: an explicit rollback, or a cross-validation that found a regression.</summary>
    RolledBack,

    /// <summary>Something went wrong (a full disk, a locked folder, a damaged file); the current version did not change.</summary>
    Failed,
}
