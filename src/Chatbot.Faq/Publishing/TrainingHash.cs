using System.Security.Cryptography;
using System.Text;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// Hash of exactly what training sees: the pipeline signature and every (intent, example) pair in training order.
/// Two datasets with the same hash train the same model, so an edit that changes only answers, titles or review dates
/// can reuse the published model.
/// </summary>
public static class TrainingHash
{
    /// <summary>Computes the hash.</summary>
    public static string Compute(FaqDataset dataset, string pipelineSignature)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, pipelineSignature);
        foreach (var (text, intent) in dataset.Examples)
        {
            Append(hash, intent);
            Append(hash, text);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
