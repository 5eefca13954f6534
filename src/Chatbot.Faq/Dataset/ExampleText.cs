using System.Text;

namespace Chatbot.Faq.Dataset;

/// <summary>The normalization used to find duplicate example questions.</summary>
public static class ExampleText
{
    /// <summary>Lower-cases, removes punctuation and symbols, and collapses whitespace.</summary>
    /// <example><c>"  When's my   NEXT visit?"</c> becomes <c>"whens my next visit"</c>.</example>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
            }
            else if (!char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
