using System.ComponentModel.DataAnnotations;

namespace Chatbot.Faq.Publishing;

/// <summary>How <see cref="FaqPublisher"/> publishes.</summary>
public sealed class FaqPublisherOptions
{
    /// <summary>The quality gate's tolerances.</summary>
    public PublishGateOptions Gate { get; set; } = new();

    /// <summary>
    /// When the examples changed and a cross-validated version is published, serve the new model as soon as it is
    /// trained and has passed validation and the staff tests, and run the cross-validation (macro-F1 gate, thresholds)
    /// afterwards with <see cref="FaqPublisher.VerifyAsync"/>, which rolls back automatically on a regression. When
    /// false, everything is checked before publishing (about 5× slower).
    /// </summary>
    /// <value>The default is true (see docs/decisions.md, "FAQ publishing").</value>
    public bool CrossValidateInBackground { get; set; } = true;

    /// <summary>How many published versions are kept for rollback.</summary>
    /// <value>The default is 10.</value>
    [Range(2, 1000)]
    public int KeepVersions { get; set; } = 10;

    /// <summary>How long to wait for another publish (in this or another process) to finish.</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
