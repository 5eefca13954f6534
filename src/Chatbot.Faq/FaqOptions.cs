using System.ComponentModel.DataAnnotations;

namespace Chatbot.Faq;

/// <summary>Where the FAQ data and the trained model live.</summary>
public sealed class FaqOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chatbot:Faq";

    /// <summary>The folder with the topic files (<c>*.json</c>) and <c>tests/</c>.</summary>
    /// <value>The default is <c>faq-data</c>; a relative path is resolved against the host's content root.</value>
    [Required]
    [MinLength(1)]
    public string DataFolder { get; set; } = "faq-data";

    /// <summary>The folder for <c>model.zip</c> and <c>model.json</c> (git-ignored).</summary>
    /// <value>
    /// The default is null, meaning <c>models</c> beside the data folder (<c>&lt;DataFolder&gt;/../models</c>), which is
    /// the same folder the <c>chatbot</c> CLI uses by default.
    /// </value>
    public string? ModelFolder { get; set; }

    /// <summary>The model folder to use: <see cref="ModelFolder"/>, or <c>models</c> beside the data folder.</summary>
    public string ResolveModelFolder() => ModelFolder is { Length: > 0 } folder ? folder : FaqPaths.DefaultModelFolder(DataFolder);
}
