using Chatbot.Faq.Classification;

namespace Chatbot.Cli;

/// <summary>Writes training progress as lines to stderr (works in CI logs and terminals alike).</summary>
internal sealed class ProgressLines(TextWriter error) : IProgress<TrainingProgress>
{
    private readonly Lock _gate = new();
    private string _last = string.Empty;

    public void Report(TrainingProgress value)
    {
        var line = $"  training: {value.Stage} [{value.Completed}/{value.Total}]";
        lock (_gate)
        {
            if (line != _last)
            {
                _last = line;
                error.WriteLine(line);
            }
        }
    }
}
