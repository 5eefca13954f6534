namespace Chatbot.Faq.Exchange;

/// <summary>What <see cref="QnaTsv.Read"/> found.</summary>
/// <param name="Pairs">The usable rows.</param>
/// <param name="Problems">Rows that were skipped, each as <c>line N: why</c>.</param>
public sealed record QnaTsvReadResult(IReadOnlyList<QnaPair> Pairs, IReadOnlyList<string> Problems);
