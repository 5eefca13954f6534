using System.Globalization;

namespace Chatbot.Cli;

/// <summary>Number formatting for people.</summary>
internal static class Format
{
    public static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "n/a";

    public static string Score(float value) => value.ToString("F3", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
}
