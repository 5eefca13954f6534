using System.ComponentModel.DataAnnotations;

namespace Chatbot.Faq.Dataset;

/// <summary>The limits <see cref="FaqDatasetValidator"/> checks.</summary>
public sealed class FaqValidationRules
{
    /// <summary>The fewest example questions an intent may have.</summary>
    /// <value>The default is 15.</value>
    [Range(1, 10_000)]
    public int MinimumExamples { get; set; } = 15;

    /// <summary>The fewest example questions the <c>out_of_scope</c> entry may have.</summary>
    /// <value>The default is 100.</value>
    [Range(1, 100_000)]
    public int MinimumOutOfScopeExamples { get; set; } = 100;

    /// <summary>Example questions longer than this get a warning.</summary>
    /// <value>The default is 300 characters.</value>
    [Range(10, 10_000)]
    public int MaximumExampleLength { get; set; } = 300;
}
