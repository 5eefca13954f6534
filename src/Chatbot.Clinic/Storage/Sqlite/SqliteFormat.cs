using System.Globalization;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>How times are stored in SQLite: UTC ISO-8601 text, which sorts as time.</summary>
internal static class SqliteFormat
{
    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
