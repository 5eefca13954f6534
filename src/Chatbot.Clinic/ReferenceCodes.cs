using System.Security.Cryptography;

namespace Chatbot.Clinic;

/// <summary>
/// The short codes patients and staff read out on the phone (<c>PSI-7KQ3XM</c>, <c>H-7KQ3XM</c>): six characters from an
/// alphabet without look-alikes (no 0/O, 1/I), drawn from a cryptographic generator so they cannot be guessed.
/// </summary>
public static class ReferenceCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new code, <paramref name="prefix"/> + "-" + six characters.</summary>
    public static string New(string prefix) => prefix + "-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 6));
}
