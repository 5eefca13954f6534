using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>axe-core (WCAG 2.0/2.1 A and AA rules, plus best practices) on a page, every violation listed.</summary>
internal static class AxeScan
{
    /// <summary>Runs axe on <paramref name="page"/> (iframes included) and returns one line per violation.</summary>
    public static async Task<List<string>> ViolationsAsync(IPage page, ITestOutputHelper output, string when)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        output.WriteLine($"axe-core {result.TestEngine?.Version} {when}: {result.Violations.Length} violations, {result.Passes.Length} rules passed, {result.Incomplete.Length} incomplete");
        var lines = new List<string>();
        foreach (var violation in result.Violations)
        {
            var nodes = string.Join("; ", violation.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}"));
            var line = $"{when}: [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes: {nodes})";
            output.WriteLine("  " + line);
            lines.Add(line);
        }

        return lines;
    }
}
