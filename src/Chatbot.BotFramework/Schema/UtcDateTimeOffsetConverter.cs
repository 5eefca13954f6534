using System.Globalization;
using Newtonsoft.Json;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// Reads an ISO-8601 date (any offset) and writes it as UTC with a <c>Z</c> suffix, as the Activity spec asks for
/// channel timestamps (A2040–A2043). Used on <see cref="Activity.Timestamp"/> and <see cref="Activity.Expiration"/>;
/// <see cref="Activity.LocalTimestamp"/> keeps the sender's offset on purpose.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null when objectType == typeof(DateTimeOffset?):
                return null;
            case JsonToken.Date when reader.Value is DateTimeOffset offset:
                return offset;
            case JsonToken.Date when reader.Value is DateTime dateTime:
                return new DateTimeOffset(DateTime.SpecifyKind(dateTime, dateTime.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dateTime.Kind));
            case JsonToken.String when DateTimeOffset.TryParse(
                (string?)reader.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                return parsed;
            default:
                throw new JsonSerializationException(string.Create(
                    CultureInfo.InvariantCulture, $"'{reader.Path}' is not an ISO-8601 date."));
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset offset)
        {
            writer.WriteValue(offset.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
