using Chatbot.Clinic.Handoffs;

namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Live hand-offs in process memory: tests and throwaway demos (one instance only).</summary>
public sealed class InMemoryLiveHandoffStore : ILiveHandoffStore
{
    private readonly Dictionary<string, LiveHandoff> _byReference = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<LiveHandoffMessage>> _messages = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private long _sequence;

    /// <inheritdoc />
    public Task CreateAsync(LiveHandoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        lock (_gate)
        {
            foreach (var open in _byReference.Values.Where(h => h.IsOpen && h.StateKey == handoff.StateKey).ToList())
            {
                EndLocked(open, LiveHandoffStatus.Ended, "replaced", handoff.RequestedAt);
            }

            _byReference[handoff.Reference] = handoff with { Status = LiveHandoffStatus.Waiting };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<LiveHandoff?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byReference.GetValueOrDefault(reference.Trim()));
        }
    }

    /// <inheritdoc />
    public Task<LiveHandoff?> FindOpenAsync(string stateKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byReference.Values.Where(h => h.IsOpen && h.StateKey == stateKey).MaxBy(h => h.RequestedAt));
        }
    }

    /// <inheritdoc />
    public Task<LiveHandoff?> FindTakenInAsync(string staffConversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byReference.Values
                .Where(h => h.Status == LiveHandoffStatus.Taken && h.Seat?.ConversationId == staffConversationId && staffConversationId.Length > 0)
                .MaxBy(h => h.TakenAt));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LiveHandoff>> ListOpenAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<LiveHandoff> open = [.. _byReference.Values.Where(h => h.IsOpen).OrderBy(h => h.RequestedAt).Take(limit)];
            return Task.FromResult(open);
        }
    }

    /// <inheritdoc />
    public Task<LiveHandoff?> TryTakeAsync(string reference, string takenBy, LiveHandoffSeat seat, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byReference.TryGetValue(reference.Trim(), out var handoff) || handoff.Status != LiveHandoffStatus.Waiting || handoff.TakeBy <= at)
            {
                return Task.FromResult<LiveHandoff?>(null);
            }

            var taken = handoff with { Status = LiveHandoffStatus.Taken, TakenBy = takenBy, TakenAt = at, Seat = seat };
            _byReference[handoff.Reference] = taken;
            return Task.FromResult<LiveHandoff?>(taken);
        }
    }

    /// <inheritdoc />
    public Task<LiveHandoff?> TryEndAsync(string reference, string endedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byReference.TryGetValue(reference.Trim(), out var handoff) && handoff.IsOpen
                ? EndLocked(handoff, LiveHandoffStatus.Ended, endedBy, at)
                : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LiveHandoff>> ClaimTimedOutAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<LiveHandoff> claimed = [.. _byReference.Values
                .Where(h => h.Status == LiveHandoffStatus.Waiting && h.TakeBy <= now)
                .OrderBy(h => h.TakeBy)
                .Take(limit)
                .ToList()
                .Select(h => EndLocked(h, LiveHandoffStatus.TimedOut, "timeout", now))];
            return Task.FromResult(claimed);
        }
    }

    /// <inheritdoc />
    public Task<long?> AddMessageAsync(string reference, LiveHandoffSender sender, string senderName, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byReference.TryGetValue(reference.Trim(), out var handoff) || !handoff.IsOpen)
            {
                return Task.FromResult<long?>(null);
            }

            var messages = _messages.TryGetValue(handoff.Reference, out var list) ? list : _messages[handoff.Reference] = [];
            var sequence = ++_sequence;
            messages.Add(new LiveHandoffMessage(sequence, handoff.Reference, at, sender, senderName, text));
            return Task.FromResult<long?>(sequence);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LiveHandoffMessage>> ReadMessagesAsync(string reference, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<LiveHandoffMessage> read = _messages.TryGetValue(reference.Trim(), out var list)
                ? [.. list.Where(m => m.Sequence > afterSequence).Take(limit)]
                : [];
            return Task.FromResult(read);
        }
    }

    /// <inheritdoc />
    public Task<int> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _byReference.Values.Where(h => !h.IsOpen && h.EndedAt < cutoff).Select(h => h.Reference).ToList();
            old.ForEach(r => _byReference.Remove(r));
            return Task.FromResult(old.Count);
        }
    }

    private LiveHandoff EndLocked(LiveHandoff handoff, LiveHandoffStatus status, string endedBy, DateTimeOffset at)
    {
        var ended = handoff with { Status = status, EndedBy = endedBy, EndedAt = at };
        _byReference[handoff.Reference] = ended;
        _messages.Remove(handoff.Reference);
        return ended;
    }
}
