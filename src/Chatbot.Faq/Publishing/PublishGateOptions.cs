using System.ComponentModel.DataAnnotations;

namespace Chatbot.Faq.Publishing;

/// <summary>How much worse a candidate may be than the published version and still be published.</summary>
public sealed class PublishGateOptions
{
    /// <summary>
    /// The largest drop in cross-validated macro-F1 that is still accepted (absolute, on the 0-1 scale). Cross-validation
    /// of the same data moves by about ±0.005 when examples are reordered, so a small tolerance avoids refusing harmless
    /// edits; a change that confuses two entries typically costs 0.02-0.10.
    /// </summary>
    /// <value>The default is 0.02.</value>
    [Range(0.0, 1.0)]
    public double MacroF1Tolerance { get; set; } = 0.02;

    /// <summary>
    /// How many staff test conversations that pass on the published version may fail on the candidate. Tests that
    /// already fail on the published version (or are new and fail on both) are reported but do not count.
    /// </summary>
    /// <value>The default is 0: no new failures.</value>
    [Range(0, 100_000)]
    public int StaffTestTolerance { get; set; }
}
