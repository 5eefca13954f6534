using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>Runs the npm clients in tests/clients with node (<c>node --test</c>), installing them first when needed.</summary>
public static class NodeClients
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The node executable on PATH, or <see langword="null"/>.</summary>
    public static string? Node { get; } = FindOnPath("node");

    /// <summary>
    /// Runs <c>npm ci</c> in tests/clients when a package of package.json is missing from node_modules (.ci/run does
    /// it before the tests; this makes a bare <c>dotnet test</c> work on a machine with the npm registry).
    /// </summary>
    public static async Task EnsureInstalledAsync(ITestOutputHelper output)
    {
        await InstallGate.WaitAsync();
        try
        {
            var missing = MissingPackages();
            if (missing.Count == 0)
            {
                return;
            }

            var npm = FindOnPath("npm") ?? throw new InvalidOperationException(
                $"tests/clients/node_modules lacks {string.Join(", ", missing)} and npm is not on PATH: run `npm ci` in {RepositoryPaths.Clients}.");
            output.WriteLine($"tests/clients/node_modules lacks {string.Join(", ", missing)}: running npm ci");
            var result = await RunAsync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], RepositoryPaths.Clients, new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
            output.WriteLine(result.Output);
            Assert.True(result.ExitCode == 0, $"npm ci in tests/clients failed (exit {result.ExitCode}):\n{result.Output}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Runs <c>node --test &lt;file&gt;</c> in tests/clients with the given environment.</summary>
    public static Task<ProcessResult> TestAsync(string file, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync(Node ?? throw new InvalidOperationException("node is not on PATH"), ["--test", "--test-reporter=spec", file], RepositoryPaths.Clients, environment, timeout);

    private static List<string> MissingPackages()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Clients, "package.json")));
        var names = new List<string>();
        foreach (var section in new[] { "dependencies", "devDependencies" })
        {
            if (package.RootElement.TryGetProperty(section, out var dependencies))
            {
                names.AddRange(dependencies.EnumerateObject().Select(p => p.Name));
            }
        }

        return names.Where(name => !File.Exists(Path.Combine(RepositoryPaths.Clients, "node_modules", name, "package.json"))).ToList();
    }

    private static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Colour codes would clutter the test output.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(output, $"[killed after {timeout.TotalSeconds:0} s]");
            return new ProcessResult(-1, Snapshot(output), clock.Elapsed);
        }

        // WaitForExitAsync returns once the redirected streams are drained as well.
        return new ProcessResult(process.ExitCode, Snapshot(output), clock.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name])
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}

/// <summary>The exit code and the merged stdout/stderr of a process.</summary>
public sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>A fact that is skipped, with the reason, when node is not installed (CI has node 20).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeClients.Node is null)
        {
            Skip = "node is not on PATH: install Node.js 20 or later to run the npm client tests (CI has it).";
        }
    }
}
