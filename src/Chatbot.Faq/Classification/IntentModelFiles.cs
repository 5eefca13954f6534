using System.Security.Cryptography;
using Chatbot.Faq.Embeddings;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Chatbot.Faq.Classification;

/// <summary>Reads and writes <c>model.zip</c> + <c>model.json</c>.</summary>
public static class IntentModelFiles
{
    /// <summary>The ML.NET model file.</summary>
    public const string ModelFileName = "model.zip";

    /// <summary>The metadata file.</summary>
    public const string MetadataFileName = "model.json";

    /// <summary>Sentence vectors of the training examples, kept so that a retrain encodes only new examples.</summary>
    public const string ExampleVectorsFileName = "example-vectors.bin";

    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        TypeNameHandling = TypeNameHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    /// <summary>Writes the model and its metadata atomically (temporary files, then rename).</summary>
    /// <returns>The metadata as written, with <see cref="ModelMetadata.ModelSha256"/> and size filled in.</returns>
    public static ModelMetadata Write(string modelFolder, IntentModel model, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        Directory.CreateDirectory(modelFolder);
        var suffix = $".{Guid.NewGuid():N}.tmp";
        var zipPath = Path.Combine(modelFolder, ModelFileName);
        var jsonPath = Path.Combine(modelFolder, MetadataFileName);
        var zipTemp = zipPath + suffix;
        var jsonTemp = jsonPath + suffix;
        try
        {
            using (var stream = new FileStream(zipTemp, FileMode.CreateNew, FileAccess.Write))
            {
                model.Save(stream);
            }

            var bytes = File.ReadAllBytes(zipTemp);
            var written = metadata with { ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), ModelBytes = bytes.LongLength };
            File.WriteAllText(jsonTemp, JsonConvert.SerializeObject(written, Settings));

            // model.json goes last: it names the hash of the zip, so a reader never pairs new metadata with an old zip unnoticed.
            File.Move(zipTemp, zipPath, overwrite: true);
            File.Move(jsonTemp, jsonPath, overwrite: true);
            return written;
        }
        finally
        {
            File.Delete(zipTemp);
            File.Delete(jsonTemp);
        }
    }

    /// <summary>The metadata as written to <c>model.json</c>.</summary>
    public static string ToJson(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return JsonConvert.SerializeObject(metadata, Settings);
    }

    /// <summary>Reads only the metadata.</summary>
    /// <exception cref="IntentModelException">The file is missing or unreadable.</exception>
    public static ModelMetadata ReadMetadata(string modelFolder)
    {
        var jsonPath = Path.Combine(modelFolder, MetadataFileName);
        if (!File.Exists(jsonPath))
        {
            throw new IntentModelException(ModelProblem.Missing, $"There is no trained model in '{modelFolder}' ({MetadataFileName} is missing).");
        }

        try
        {
            return JsonConvert.DeserializeObject<ModelMetadata>(File.ReadAllText(jsonPath), Settings)
                ?? throw new JsonSerializationException("the file is empty");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new IntentModelException(ModelProblem.Corrupt, $"The model description '{jsonPath}' cannot be read ({ex.Message}).", ex);
        }
    }

    /// <summary>Reads the model and its metadata, checking that the zip is the one the metadata describes.</summary>
    /// <param name="modelFolder">The folder.</param>
    /// <param name="embedder">The embedder for a model trained with a sentence encoder; <see cref="SentenceEmbedder.Shared"/> when null.</param>
    /// <exception cref="IntentModelException">
    /// A file is missing, truncated, damaged or not an intent model, or the model was trained with another encoder.
    /// </exception>
    public static (IntentModel Model, ModelMetadata Metadata) Read(string modelFolder, SentenceEmbedder? embedder = null)
    {
        var metadata = ReadMetadata(modelFolder);
        if (metadata.Encoder is { } trainedWith)
        {
            embedder ??= SentenceEmbedder.Shared;
            if (!string.Equals(trainedWith, embedder.Encoder.Identity, StringComparison.Ordinal))
            {
                throw new IntentModelException(
                    ModelProblem.Corrupt,
                    $"The model in '{modelFolder}' was trained with the sentence encoder {trainedWith}, and this build has {embedder.Encoder.Identity}: it must be retrained.");
            }
        }
        else
        {
            embedder = null;
        }
        var zipPath = Path.Combine(modelFolder, ModelFileName);
        if (!File.Exists(zipPath))
        {
            throw new IntentModelException(ModelProblem.Missing, $"There is no trained model in '{modelFolder}' ({ModelFileName} is missing).");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(zipPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IntentModelException(ModelProblem.Corrupt, $"The model file '{zipPath}' cannot be read ({ex.Message}).", ex);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (metadata.ModelSha256.Length > 0 && !string.Equals(sha, metadata.ModelSha256, StringComparison.Ordinal))
        {
            throw new IntentModelException(
                ModelProblem.Corrupt,
                $"The model file '{zipPath}' is damaged or truncated: it is {bytes.Length} bytes and does not match {MetadataFileName} ({metadata.ModelBytes} bytes).");
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var model = IntentModel.Load(stream, metadata.EnsembleWeight ?? 0.5, embedder);
            return (model, metadata);
        }
        catch (InvalidDataException ex)
        {
            throw new IntentModelException(ModelProblem.Corrupt, $"The model file '{zipPath}' cannot be loaded: {ex.Message}.", ex);
        }
    }
}
