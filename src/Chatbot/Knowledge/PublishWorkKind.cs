namespace Chatbot.Knowledge;

/// <summary>What a queued piece of publishing work does.</summary>
internal enum PublishWorkKind
{
    Publish,
    Verify,
    Rollback,

    /// <summary>Serve what <c>published.json</c> names, if it is not what is served (a CLI publish or rollback).</summary>
    Sync,
}
