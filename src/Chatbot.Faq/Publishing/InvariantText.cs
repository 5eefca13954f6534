using System.Globalization;

namespace Chatbot.Faq.Publishing;

/// <summary>Report sentences are formatted the same on every machine, whatever its culture.</summary>
internal static class InvariantText
{
    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
