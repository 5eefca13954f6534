using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Chatbot.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Chatbot.Benchmarks -- --filter '*'</c>. Runs BenchmarkDotNet's
/// short job (3 warm-up and 3 measured iterations, one launch) so the whole suite takes a few minutes. Results go to
/// benchmarks/Chatbot.Benchmarks/BenchmarkDotNet.Artifacts/ (git-ignored).
/// </summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        var artifacts = Path.Combine(BenchmarkQuestions.RepositoryRoot, "benchmarks", "Chatbot.Benchmarks", "BenchmarkDotNet.Artifacts");
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly)
            .Run(args, DefaultConfig.Instance.AddJob(Job.ShortRun).WithArtifactsPath(artifacts));
    }
}
