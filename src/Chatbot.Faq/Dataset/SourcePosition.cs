namespace Chatbot.Faq.Dataset;

/// <summary>A 1-based line and column in a data file.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column);
