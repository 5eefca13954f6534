using System.CommandLine;
using System.Globalization;

namespace Chatbot.Cli;

/// <summary>Range checks for whole-number options.</summary>
internal static class IntOptions
{
    /// <summary>Adds a check that <paramref name="option"/> is between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            // Only range-check values that parse; the parser reports non-numbers itself.
            if (r.Tokens.Count == 1
                && int.TryParse(r.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
            {
                r.AddError($"{option.Name} must be between {min} and {max}.");
            }
        });
        return option;
    }
}
