namespace Chatbot.Faq.Exchange;

/// <summary>One row of a QnA Maker / Custom Question Answering TSV file: one question and its answer.</summary>
/// <param name="Question">The question (the first row of a pair, or an alternate question).</param>
/// <param name="Answer">The answer (Markdown).</param>
/// <param name="Source">Where the pair came from (<c>Editorial</c>, a file or URL).</param>
/// <param name="Metadata">Metadata as <c>key → value</c> (keys lower-case).</param>
/// <param name="QnaId">The <c>QnaId</c> column, when the file has one (it groups alternate questions).</param>
/// <param name="Line">The row's line in the file.</param>
public sealed record QnaPair(
    string Question,
    string Answer,
    string Source,
    IReadOnlyDictionary<string, string> Metadata,
    string? QnaId,
    int Line);
