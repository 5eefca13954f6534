using System.Globalization;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// Decides whether a candidate version may replace the published one: its cross-validated macro-F1 may not drop by
/// more than <see cref="PublishGateOptions.MacroF1Tolerance"/>, and no more than
/// <see cref="PublishGateOptions.StaffTestTolerance"/> staff test conversations that pass today may start failing.
/// </summary>
/// <param name="options">The tolerances; the defaults when null.</param>
public sealed class PublishGate(PublishGateOptions? options = null)
{
    private const int MaxListedFailures = 10;
    private readonly PublishGateOptions _options = options ?? new PublishGateOptions();

    /// <summary>The tolerances.</summary>
    public PublishGateOptions Options => _options;

    /// <summary>Compares the candidate with the published version.</summary>
    /// <param name="candidate">The candidate's macro-F1 (null when not cross-validated yet: not checked) and staff tests.</param>
    /// <param name="published">
    /// The published version's macro-F1 and <b>the same staff tests</b> run on it; null when nothing is published yet
    /// (then only validation counts).
    /// </param>
    /// <returns>Accepted or not, with the reasons in plain words.</returns>
    public PublishGateResult Evaluate(GateInput candidate, GateInput? published)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var reasons = new List<string>();
        if (published is null)
        {
            reasons.Add("Nothing was published before, so there is nothing to compare with: the validated data is published.");
            return new PublishGateResult(true, reasons, []);
        }

        if (published.StaffTests.Tests.Count != candidate.StaffTests.Tests.Count)
        {
            throw new ArgumentException("Both staff test runs must use the same tests.", nameof(published));
        }

        var accepted = CheckMacroF1(candidate.MacroF1, published.MacroF1, reasons);
        var newFailures = Enumerable.Range(0, candidate.StaffTests.Tests.Count)
            .Where(i => !candidate.StaffTests.Passed[i] && published.StaffTests.Passed[i])
            .Select(candidate.StaffTests.At)
            .ToList();
        var total = candidate.StaffTests.Tests.Count;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{published.StaffTests.PassedCount} of {total} now, {candidate.StaffTests.PassedCount} of {total} with the change");
        if (newFailures.Count > _options.StaffTestTolerance)
        {
            accepted = false;
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"{newFailures.Count} staff test conversation(s) that pass today would fail ({summary}; allowed: {_options.StaffTestTolerance}). Add example questions to the right entry, or fix the test:"));
            reasons.AddRange(newFailures.Take(MaxListedFailures).Select(f => "  " + f));
            if (newFailures.Count > MaxListedFailures)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"  … and {newFailures.Count - MaxListedFailures} more."));
            }
        }
        else
        {
            reasons.Add(newFailures.Count == 0
                ? $"Staff test conversations: no new failures ({summary})."
                : string.Create(CultureInfo.InvariantCulture, $"Staff test conversations: {newFailures.Count} new failure(s), within the allowed {_options.StaffTestTolerance} ({summary})."));
        }

        return new PublishGateResult(accepted, reasons, newFailures);
    }

    private bool CheckMacroF1(double? candidate, double? published, List<string> reasons)
    {
        if (candidate is not { } c)
        {
            reasons.Add("Macro-F1 is checked by the cross-validation that runs after publishing; the change is rolled back automatically if it fails.");
            return true;
        }

        if (published is not { } p)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Macro-F1 {c:0.000} (the published version has no cross-validated figure to compare with)."));
            return true;
        }

        var drop = p - c;

        // A tiny epsilon: 0.72 - 0.70 is 0.020000000000000018 in binary floating point.
        if (drop > _options.MacroF1Tolerance + 1e-9)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"Macro-F1 would drop from {p:0.000} to {c:0.000} (-{drop:0.000}; allowed: -{_options.MacroF1Tolerance:0.000}). Usually examples were moved to the wrong entry or two entries now overlap: run 'chatbot evaluate' to see which entries got worse."));
            return false;
        }

        reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Macro-F1 {p:0.000} → {c:0.000} (allowed drop: {_options.MacroF1Tolerance:0.000})."));
        return true;
    }
}
