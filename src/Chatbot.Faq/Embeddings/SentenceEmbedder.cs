using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace Chatbot.Faq.Embeddings;

/// <summary>
/// The encoder as the product uses it: a bounded cache of recent texts (button clicks, follow-ups and repeated
/// questions cost a dictionary lookup), a cache of training examples (a staff edit that adds one example re-encodes one
/// example), and back-pressure (at most one encoding per core in flight; past that, callers that can degrade do).
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private static readonly Lazy<SentenceEmbedder> SharedInstance = new(() => new SentenceEmbedder(new MiniLmSentenceEncoder()));

    private readonly MemoryCache _recent;
    private readonly ConcurrentDictionary<string, float[]> _examples = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private long _hits;
    private long _encoded;
    private long _refused;

    /// <summary>Wraps <paramref name="encoder"/>.</summary>
    /// <param name="encoder">The encoder.</param>
    /// <param name="recentTexts">How many recent texts to keep (about 1.6 KB each).</param>
    /// <param name="concurrentEncodings">Encodings in flight at once; the default is one per core.</param>
    public SentenceEmbedder(ISentenceEncoder encoder, int recentTexts = 10_000, int? concurrentEncodings = null)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recentTexts);
        Encoder = encoder;
        _recent = new MemoryCache(new MemoryCacheOptions { SizeLimit = recentTexts });
        var slots = concurrentEncodings ?? Environment.ProcessorCount;
        _slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>
    /// The process-wide embedder of the product's encoder (loaded on first use). One per process: each holds an ONNX
    /// session of about 350 MB.
    /// </summary>
    public static SentenceEmbedder Shared => SharedInstance.Value;

    /// <summary>True once <see cref="Shared"/> has been loaded.</summary>
    public static bool IsSharedLoaded => SharedInstance.IsValueCreated;

    /// <summary>The encoder.</summary>
    public ISentenceEncoder Encoder { get; }

    /// <summary>Texts answered from a cache, encoded, and refused under load, since start.</summary>
    public (long Hits, long Encoded, long Refused) Counters => (Interlocked.Read(ref _hits), Interlocked.Read(ref _encoded), Interlocked.Read(ref _refused));

    /// <summary>The vector of <paramref name="text"/>, waiting for a free slot if every core is encoding.</summary>
    public float[] Embed(string text)
    {
        text ??= string.Empty;
        if (TryCached(text, out var cached))
        {
            return cached;
        }

        _slots.Wait();
        try
        {
            return EncodeAndRemember(text);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// The vector of <paramref name="text"/> if it is cached or a slot frees up within <paramref name="wait"/>;
    /// false under overload, so the caller can fall back to a cheaper decision instead of queueing without bound.
    /// </summary>
    public bool TryEmbed(string text, TimeSpan wait, [NotNullWhen(true)] out float[]? vector)
    {
        text ??= string.Empty;
        if (TryCached(text, out vector))
        {
            return true;
        }

        if (!_slots.Wait(wait))
        {
            Interlocked.Increment(ref _refused);
            vector = null;
            return false;
        }

        try
        {
            vector = EncodeAndRemember(text);
            return true;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Vectors of training examples, in order. Each distinct text is encoded once per process and then kept (a
    /// dataset's examples are few thousand at most: about 1.6 KB each).
    /// </summary>
    public float[][] EmbedExamples(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var missing = texts.Where(t => !_examples.ContainsKey(t ?? string.Empty)).Distinct(StringComparer.Ordinal).ToList();
        Parallel.ForEach(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            text => _examples.TryAdd(text ?? string.Empty, Embed(text ?? string.Empty)));
        return texts.Select(t => _examples[t ?? string.Empty]).ToArray();
    }

    /// <summary>Example texts whose vectors are kept.</summary>
    public int ExampleCount => _examples.Count;

    /// <summary>Writes the kept example vectors to <paramref name="path"/> (atomically), so the next process reuses them.</summary>
    public void SaveExamples(string path)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                writer.Write(Encoder.Identity);
                writer.Write(Encoder.Dimensions);
                var snapshot = _examples.ToArray();
                writer.Write(snapshot.Length);
                foreach (var (text, vector) in snapshot)
                {
                    writer.Write(text);
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Reads vectors written by <see cref="SaveExamples"/> for this encoder. A missing, damaged or foreign file is
    /// ignored (the examples are encoded again).
    /// </summary>
    /// <returns>How many vectors were read.</returns>
    public int LoadExamples(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadString() != Encoder.Identity || reader.ReadInt32() != Encoder.Dimensions)
            {
                return 0;
            }

            var count = reader.ReadInt32();
            var read = new List<(string, float[])>(Math.Clamp(count, 0, 1_000_000));
            for (var i = 0; i < count; i++)
            {
                var text = reader.ReadString();
                var vector = new float[Encoder.Dimensions];
                for (var d = 0; d < vector.Length; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                read.Add((text, vector));
            }

            foreach (var (text, vector) in read)
            {
                _examples.TryAdd(text, vector);
            }

            return read.Count;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or UnauthorizedAccessException or ArgumentException)
        {
            return 0;
        }
    }

    /// <summary>Disposes the cache (the encoder belongs to the caller, except for <see cref="Shared"/>).</summary>
    public void Dispose()
    {
        _recent.Dispose();
        _slots.Dispose();
    }

    private bool TryCached(string text, [NotNullWhen(true)] out float[]? vector)
    {
        if (_recent.TryGetValue(text, out vector) && vector is not null)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        if (_examples.TryGetValue(text, out vector))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        vector = null;
        return false;
    }

    private float[] EncodeAndRemember(string text)
    {
        var vector = Encoder.Encode(text);
        Interlocked.Increment(ref _encoded);
        _recent.Set(text, vector, new MemoryCacheEntryOptions { Size = 1 });
        return vector;
    }
}
