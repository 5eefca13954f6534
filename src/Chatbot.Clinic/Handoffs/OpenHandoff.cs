namespace Chatbot.Clinic.Handoffs;

/// <summary>An open hand-off as staff see it in Teams (<c>handoffs</c>), with the key to release it.</summary>
/// <param name="Reference">Short reference staff type, e.g. <c>H-7KQ3XM</c>.</param>
/// <param name="StateKey">The conversation-state key (see <c>ConversationStateAccessor.KeyFor</c>).</param>
/// <param name="Channel">The patient's channel, e.g. <c>webchat</c>.</param>
/// <param name="ConversationId">The patient's conversation id.</param>
/// <param name="Reason">Why the conversation was handed off.</param>
/// <param name="StartedAt">When.</param>
/// <param name="ExpiresAt">When the bot takes over again unless released earlier.</param>
/// <param name="Summary">The patient's last message, redacted and shortened.</param>
public sealed record OpenHandoff(
    string Reference,
    string StateKey,
    string Channel,
    string ConversationId,
    HandoffReason Reason,
    DateTimeOffset StartedAt,
    DateTimeOffset ExpiresAt,
    string Summary);
