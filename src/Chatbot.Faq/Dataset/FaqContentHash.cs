using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chatbot.Faq.Dataset;

/// <summary>The content hash of a dataset: formatting, file layout and entry order do not change it.</summary>
internal static class FaqContentHash
{
    public static string Compute(IEnumerable<FaqEntry> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in entries.OrderBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal))
        {
            Append(hash, entry.Id);
            Append(hash, entry.Title);
            Append(hash, entry.Audience.ToString());
            Append(hash, entry.Examples.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var example in entry.Examples)
            {
                Append(hash, example);
            }

            Append(hash, entry.Answer);
            Append(hash, string.Join('\u001f', entry.FollowUps));
            Append(hash, entry.Source);
            Append(hash, entry.Owner);
            Append(hash, entry.LastReviewed.ToString("O", CultureInfo.InvariantCulture));
            Append(hash, entry.ReviewBy?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string value)
    {
        // Length-prefixed so that ("ab","c") and ("a","bc") differ; line endings and edge whitespace do not count.
        var normalized = value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Normalize(NormalizationForm.FormC);
        var bytes = Encoding.UTF8.GetBytes(normalized);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
