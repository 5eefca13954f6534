namespace Chatbot.Patients.Handoff;

/// <summary>What became of a staff member's attempt to take a live hand-off.</summary>
public enum TakeOutcome
{
    /// <summary>Taken: the chat is relayed both ways now.</summary>
    Taken,

    /// <summary>No hand-off has that reference.</summary>
    Unknown,

    /// <summary>Someone else took it first.</summary>
    AlreadyTaken,

    /// <summary>It ended or timed out.</summary>
    Over,

    /// <summary>This Teams conversation already holds another live chat (messages would go to the wrong patient).</summary>
    SeatBusy,
}
