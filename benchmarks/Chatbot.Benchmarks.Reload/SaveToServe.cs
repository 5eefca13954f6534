using System.Diagnostics;

namespace Chatbot.Benchmarks.Reload;

/// <summary>Measures the wall time from saving a topic file until /api/messages returns the edited answer.</summary>
internal static class SaveToServe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Saves the edit and polls the bot (one conversation, the entry's example question) until the marker shows.</summary>
    /// <returns>Seconds from just before the save to the first reply carrying <paramref name="marker"/>.</returns>
    public static async Task<double> MeasureAsync(
        FaqEditor editor, BotProbe probe, string marker, string? newExample, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var conversation = "probe-" + Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        editor.Save(marker, newExample);
        while (true)
        {
            var reply = await probe.AskAsync(conversation, editor.ExampleQuestion, cancellationToken);
            if (FaqEditor.MarkerOf(reply.Text) == marker)
            {
                return clock.Elapsed.TotalSeconds;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The edit '{marker}' was not served within {timeout.TotalSeconds:0} s; last reply: {reply.Text}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
