namespace Chatbot.Faq.Embeddings;

/// <summary>Turns a sentence into a fixed-length vector that places sentences of similar meaning close together.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ISentenceEncoder
{
    /// <summary>The model's public name, e.g. <c>all-MiniLM-L6-v2</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The name plus a hash of the model weights. A classifier trained with one identity is refused (and retrained) by
    /// a process whose encoder has another.
    /// </summary>
    string Identity { get; }

    /// <summary>Length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>Encodes one text into an L2-normalized vector of <see cref="Dimensions"/> floats.</summary>
    /// <remarks>Null or empty text is encoded as the empty sentence; long text is cut to the model's window.</remarks>
    float[] Encode(string text);
}
