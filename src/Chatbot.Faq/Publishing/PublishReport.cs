using System.Globalization;
using Newtonsoft.Json;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// What happened to one publish, verification or rollback: when, who, why, the figures before and after, and where the
/// time went. Persisted one per line in <c>models/publish-history.jsonl</c>; shown by the staff page and the CLI.
/// </summary>
public sealed record PublishReport
{
    /// <summary>A short unique id.</summary>
    public required string Id { get; init; }

    /// <summary>Publish, verify or roll back.</summary>
    public required PublishAction Action { get; init; }

    /// <summary>What started it.</summary>
    public required PublishTrigger Trigger { get; init; }

    /// <summary>Who started it (a staff user name, the OS user of the CLI, or "system").</summary>
    public required string User { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>How it ended.</summary>
    public required PublishOutcome Outcome { get; init; }

    /// <summary>The version considered (the content hash of the data); null when the data could not be read at all.</summary>
    public string? CandidateVersion { get; init; }

    /// <summary>The version that was current before.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>The version that is current after (equal to <see cref="PreviousVersion"/> unless something was published or rolled back).</summary>
    public string? CurrentVersion { get; init; }

    /// <summary>The figures of <see cref="PreviousVersion"/> (staff tests run on the candidate's test file).</summary>
    public PublishMetrics? Before { get; init; }

    /// <summary>The figures of the candidate (for a rollback: of the version rolled back to).</summary>
    public PublishMetrics? After { get; init; }

    /// <summary>Why it ended as it did, in plain sentences for staff (validation errors with file and line, gate results).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Validation warnings (not blocking), with file and line.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when only answers or titles changed and the published model was reused without training.</summary>
    public bool ModelReused { get; init; }

    /// <summary>
    /// True when the version was published before its cross-validation finished; a <see cref="PublishAction.Verify"/>
    /// report follows (accepted, or rolled back when macro-F1 regressed).
    /// </summary>
    public bool CrossValidationPending { get; init; }

    /// <summary>Where the time went.</summary>
    public PublishDurations Durations { get; init; } = new();

    /// <summary>True for <see cref="PublishOutcome.Accepted"/>.</summary>
    [JsonIgnore]
    public bool IsAccepted => Outcome == PublishOutcome.Accepted;

    /// <summary>One line for logs and lists: outcome, versions, who, when.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Action} {Outcome}: {Short(PreviousVersion)} → {Short(CurrentVersion)} (candidate {Short(CandidateVersion)}) by {User} via {Trigger} at {StartedAt:u} in {Durations.Total:0.0} s");

    /// <summary>The first 12 characters of a version id, as shown to people.</summary>
    public static string Short(string? version) => version is null ? "none" : version.Length <= 12 ? version : version[..12];
}
