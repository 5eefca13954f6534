namespace Chatbot.Faq.Publishing;

/// <summary>What a <see cref="PublishReport"/> is about.</summary>
public enum PublishAction
{
    /// <summary>A new version of the data folder was checked and published or refused.</summary>
    Publish,

    /// <summary>The cross-validation of a version published before its cross-validation finished.</summary>
    Verify,

    /// <summary>The previous published version was made current again.</summary>
    Rollback,
}
