using System.ComponentModel.DataAnnotations;

namespace Chatbot.Staff;

/// <summary>The staff page (<c>/staff</c>): sign-in, lock-out, session length, unanswered-question grouping, the feedback period.</summary>
public sealed class StaffOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Staff";

    /// <summary>Failed sign-ins in a row that lock a local account.</summary>
    /// <value>The default is 5.</value>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked local account stays locked (<c>chatbot staff unlock</c> ends it early).</summary>
    /// <value>The default is 15 minutes.</value>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A staff session ends after this long without a request (sliding; HIPAA automatic log-off).</summary>
    /// <value>The default is 30 minutes.</value>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Two unanswered questions are grouped when their word overlap (Jaccard of words) or their character-trigram
    /// overlap reaches this value.
    /// </summary>
    /// <value>The default is 0.5.</value>
    [Range(0.1, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.5;

    /// <summary>
    /// An entry is suggested for a group of unanswered questions only when its score (the classifier's, averaged over
    /// the scores recorded when the questions were asked and the current model's view of the headline) reaches this
    /// value; otherwise the page says it looks like a new entry. Chosen on the held-out real-world questions
    /// (docs/decisions.md, issue 15): every suggestion between 0.1 and 0.3 was wrong, 164 of 166 above it right.
    /// </summary>
    /// <value>The default is 0.3.</value>
    [Range(0.0, 1.0)]
    public double SuggestionThreshold { get; set; } = 0.3;

    /// <summary>The most recent unanswered questions read for grouping.</summary>
    /// <value>The default is 2000.</value>
    [Range(10, 100_000)]
    public int UnansweredLimit { get; set; } = 2000;

    /// <summary>Groups of unanswered questions per page of <c>/staff/unanswered</c>, and wordings shown per group.</summary>
    /// <value>The default is 25.</value>
    [Range(5, 500)]
    public int UnansweredPageSize { get; set; } = 25;

    /// <summary>
    /// The period, in days, of the patients' 👍/👎 counts on the entries list and an entry's page (the votes are kept
    /// for <c>Chatbot:Storage:FeedbackRetention</c>; a longer period shows no more than that).
    /// </summary>
    /// <value>The default is 30.</value>
    [Range(1, 365)]
    public int FeedbackDays { get; set; } = 30;

    /// <summary>Sign-in with Microsoft Entra ID; when not configured, local accounts (<c>chatbot staff add</c>) are used.</summary>
    public StaffOidcOptions Oidc { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasAuthority = !string.IsNullOrWhiteSpace(Oidc.Authority);
        var hasClient = !string.IsNullOrWhiteSpace(Oidc.ClientId);
        if (hasAuthority != hasClient)
        {
            yield return new ValidationResult(
                "Chatbot:Staff:Oidc needs both Authority and ClientId (or neither, for local staff accounts).",
                [nameof(Oidc)]);
        }

        if (hasAuthority && !Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Chatbot:Staff:Oidc:Authority must be an absolute URL, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.", [nameof(Oidc)]);
        }
    }
}
