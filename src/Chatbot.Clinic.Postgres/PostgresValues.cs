using Npgsql;
using NpgsqlTypes;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>Typed parameters and reads: times are <c>timestamptz</c> in UTC, missing values are typed NULLs.</summary>
internal static class PostgresValues
{
    /// <summary>Adds a text parameter (NULL when <paramref name="value"/> is null).</summary>
    public static void AddText(this NpgsqlParameterCollection parameters, string name, string? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    /// <summary>Adds a <c>timestamptz</c> parameter (Npgsql writes only UTC offsets; NULL when null).</summary>
    public static void AddTime(this NpgsqlParameterCollection parameters, string name, DateTimeOffset? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value });

    /// <summary>Adds an integer parameter.</summary>
    public static void AddInt(this NpgsqlParameterCollection parameters, string name, int value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Integer) { Value = value });

    /// <summary>Reads a text column that may be NULL.</summary>
    public static string? TextOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a <c>timestamptz</c> column (UTC).</summary>
    public static DateTimeOffset Time(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Reads a <c>timestamptz</c> column that may be NULL.</summary>
    public static DateTimeOffset? TimeOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    /// <summary>Runs a command that returns rows, mapping each with <paramref name="read"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(read(reader));
        }

        return result;
    }
}
