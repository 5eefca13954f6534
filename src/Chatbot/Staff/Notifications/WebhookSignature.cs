using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Staff.Notifications;

/// <summary>
/// The <c>X-Clinic-Signature</c> scheme: <c>sha256=</c> followed by the lowercase hex HMAC-SHA256, keyed with the UTF-8
/// bytes of the shared secret, of the ASCII unix-seconds timestamp (the <c>X-Clinic-Timestamp</c> header), a dot, and
/// the exact request body bytes.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The prefix of the header value.</summary>
    public const string Prefix = "sha256=";

    /// <summary>Computes the header value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="unixSeconds">The value of <c>X-Clinic-Timestamp</c>.</param>
    /// <param name="body">The request body, byte for byte.</param>
    /// <returns><c>sha256=&lt;64 lowercase hex digits&gt;</c>.</returns>
    public static string Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// Checks a received signature in constant time, and that the timestamp is within <paramref name="tolerance"/> of
    /// <paramref name="now"/> (to refuse replays). This is what a receiver does; it is here for tests and .NET receivers.
    /// </summary>
    /// <returns>True when the signature matches and the timestamp is fresh.</returns>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || signatureHeader is null
            || Math.Abs(now.ToUnixTimeSeconds() - unixSeconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, unixSeconds, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
