namespace Chatbot.Faq.Publishing;

/// <summary>The gate's decision.</summary>
/// <param name="Accepted">True when the candidate may be published.</param>
/// <param name="Reasons">Why, in plain sentences (also when accepted).</param>
/// <param name="NewFailures">Staff tests that pass on the published version and fail on the candidate.</param>
public sealed record PublishGateResult(bool Accepted, IReadOnlyList<string> Reasons, IReadOnlyList<StaffTestFailure> NewFailures);
