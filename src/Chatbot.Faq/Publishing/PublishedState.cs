namespace Chatbot.Faq.Publishing;

/// <summary>The content of <c>models/published.json</c>: which versions were published, newest (current) last.</summary>
public sealed record PublishedState
{
    /// <summary>The current <see cref="FormatVersion"/>.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The layout of this file.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Published versions, oldest first; the last one is current. A rollback removes the last one.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>
    /// Versions removed by a rollback. The bot does not publish such content again on its own (file watcher, start-up);
    /// an explicit publish (staff page, CLI) does.
    /// </summary>
    public IReadOnlyList<string> Withdrawn { get; init; } = [];

    /// <summary>Incremented on every change, so watchers notice changes that keep the same current version.</summary>
    public long Revision { get; init; }

    /// <summary>When the file last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who changed it last.</summary>
    public string UpdatedBy { get; init; } = string.Empty;

    /// <summary>The current version, or null when nothing is published.</summary>
    public string? Current => Versions.Count > 0 ? Versions[^1] : null;

    /// <summary>The version a rollback returns to, or null.</summary>
    public string? Previous => Versions.Count > 1 ? Versions[^2] : null;
}
