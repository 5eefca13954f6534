namespace Chatbot.Faq.Publishing;

/// <summary>The report of a publish, verification or rollback, and the version to serve now.</summary>
/// <param name="Report">What happened.</param>
/// <param name="Current">
/// The version that is current afterwards, loaded, when it differs from before (a new version, a rollback, or new
/// thresholds after cross-validation); null when the current version did not change.
/// </param>
public sealed record PublishResult(PublishReport Report, PublishedVersion? Current);
