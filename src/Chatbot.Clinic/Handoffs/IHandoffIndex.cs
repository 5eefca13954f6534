namespace Chatbot.Clinic.Handoffs;

/// <summary>
/// The open hand-offs, so staff can list and release them without scanning conversation state. Maintained by
/// the bot's hand-off service; the conversation's own hand-off state stays the source of truth.
/// </summary>
public interface IHandoffIndex
{
    /// <summary>Records an open hand-off, replacing any earlier one of the same conversation.</summary>
    Task OpenAsync(OpenHandoff handoff, CancellationToken cancellationToken);

    /// <summary>Removes the hand-off of a conversation (released, completed or failed).</summary>
    Task CloseAsync(string stateKey, CancellationToken cancellationToken);

    /// <summary>Hand-offs that have not expired at <paramref name="now"/>, newest first; expired ones are dropped.</summary>
    Task<IReadOnlyList<OpenHandoff>> ListOpenAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
