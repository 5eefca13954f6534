namespace Chatbot.BotFramework.Tests.DirectLine;

/// <summary>
/// A clock the test moves by hand (only <see cref="GetUtcNow"/>; timers stay real). Kept local so this folder needs
/// no package beyond the project's own; Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider can replace it.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
