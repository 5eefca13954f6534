namespace Chatbot.Faq.Publishing;

/// <summary>Where the time of one publish went, in seconds.</summary>
public sealed record PublishDurations
{
    /// <summary>Copying the data folder, reading and validating it.</summary>
    public double Validate { get; init; }

    /// <summary>Fitting (or loading and reusing) the model that serves.</summary>
    public double Train { get; init; }

    /// <summary>k-fold cross-validation (0 when it was skipped or deferred).</summary>
    public double CrossValidate { get; init; }

    /// <summary>Running the staff test conversations on the candidate and the current version.</summary>
    public double StaffTests { get; init; }

    /// <summary>Writing the version and switching <c>published.json</c>.</summary>
    public double Save { get; init; }

    /// <summary>Everything, including waiting for another publish to finish.</summary>
    public double Total { get; init; }
}
