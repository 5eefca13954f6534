namespace Chatbot.Clinic.Handoffs;

/// <summary>Why a conversation was handed to a person.</summary>
public enum HandoffReason
{
    /// <summary>The patient asked for a person.</summary>
    Requested,

    /// <summary>The bot could not answer twice in a row.</summary>
    RepeatedFallbacks,

    /// <summary>The crisis gate fired.</summary>
    Crisis,
}
