using Chatbot.Clinic.Handoffs;
namespace Chatbot.Handoff;

/// <summary>An open hand-off: while it lasts the bot does not answer automatically (the safety gate still runs).</summary>
public sealed class HandoffState
{
    /// <summary>The short reference staff use to release it (e.g. <c>H-7KQ3XM</c>).</summary>
    public string? Reference { get; set; }

    /// <summary>Why.</summary>
    public HandoffReason Reason { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the bot takes over again if staff have not released it.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The last status a hand-off hub reported (<c>accepted</c>, <c>failed</c>, <c>completed</c>).</summary>
    public string? HubStatus { get; set; }
}
