using System.Globalization;

namespace Chatbot.Faq.Dataset;

/// <summary>One problem found in the FAQ data, with where it is and how to fix it.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">Path of the file, relative to the data folder's parent (e.g. <c>faq-data/treatment.json</c>).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Code">Stable machine-readable code, see <see cref="IssueCodes"/>.</param>
/// <param name="Message">What is wrong, as a plain sentence for clinic staff.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record ValidationIssue(
    IssueSeverity Severity,
    string File,
    int Line,
    int Column,
    string Code,
    string Message,
    string Fix)
{
    /// <summary>True for <see cref="IssueSeverity.Error"/>.</summary>
    public bool IsError => Severity == IssueSeverity.Error;

    /// <summary>Formats the issue the way compilers do: <c>file:line:col: error: message; fix</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}; {Fix}");
}
