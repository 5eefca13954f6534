using System.Globalization;
using Chatbot.Clinic.Storage;

namespace Chatbot.Benchmarks.Load;

/// <summary>Which questions the simulated patients ask.</summary>
internal enum QuestionMix
{
    /// <summary>Every FAQ example question (faq-data/*.json) and every staff test question, in rotation.</summary>
    All,

    /// <summary>Only the staff test questions (faq-data/tests): none is an approved example, so every turn is classified.</summary>
    Tests,
}

/// <summary>The command line, validated and bounded (the run is always finite and loopback-only).</summary>
internal sealed record LoadOptions(
    TimeSpan Duration,
    TimeSpan Warmup,
    IReadOnlyList<int> Clients,
    StorageProvider Storage,
    QuestionMix Questions,
    int Rounds,
    bool Unique = false)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/Chatbot.Benchmarks.Load -- [options]
          --duration SECONDS      measured time per target and client count (default 10, 1-120)
          --warmup SECONDS        unmeasured time before it (default 2, 0-60)
          --clients N,N,...       concurrent keep-alive clients, one connection each (default 1,50,200; each 1-1000)
          --storage Sqlite|InMemory   the bot's conversation state store (default Sqlite, the product default)
          --questions all|tests   all = FAQ examples + staff test questions (default); tests = staff test questions only
          --rounds N              repeat the whole bare/bot sequence N times, alternating (default 1, 1-5)
          --unique true|false     make every question unique (a reference number appended), so no embedding is
                                  ever cached: the honest cost of the sentence encoder; then encode the same texts
                                  with raw ONNX Runtime for the same time, one thread per core (default false)
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on bad input.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), [1, 50, 200], StorageProvider.Sqlite, QuestionMix.All, 1);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Number(name, value, 1, 120)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Number(name, value, 0, 60)) },
                "--clients" => options with { Clients = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Number(name, v, 1, 1000))] },
                "--storage" => options with { Storage = Enum.TryParse<StorageProvider>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : throw new ArgumentException($"--storage must be Sqlite or InMemory, not '{value}'.") },
                "--questions" => options with { Questions = Enum.TryParse<QuestionMix>(value, ignoreCase: true, out var q) && Enum.IsDefined(q) ? q : throw new ArgumentException($"--questions must be all or tests, not '{value}'.") },
                "--rounds" => options with { Rounds = Number(name, value, 1, 5) },
                "--unique" => options with { Unique = bool.TryParse(value, out var u) ? u : throw new ArgumentException($"--unique must be true or false, not '{value}'.") },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options.Clients.Count == 0 ? throw new ArgumentException("--clients needs at least one number.") : options;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'.");
}
