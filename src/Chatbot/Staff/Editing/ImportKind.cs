namespace Chatbot.Staff.Editing;

/// <summary>What an uploaded file is.</summary>
public enum ImportKind
{
    /// <summary>An article (plain text or Markdown): question-like headings become drafts.</summary>
    Article,

    /// <summary>A QnA Maker / Custom Question Answering knowledge base exported as TSV.</summary>
    QnaTsv,
}
