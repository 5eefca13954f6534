using Xunit.Abstractions;
using Xunit.Sdk;

namespace Chatbot.Testing;

/// <summary>
/// Marks a test class whose tests need a real PostgreSQL server: the connection string in
/// <see cref="VariableName"/>. Without it, the class's <see cref="ProviderFactAttribute"/> and
/// <see cref="ProviderTheoryAttribute"/> tests are reported as skipped, not failed (xunit 2 has no dynamic skip).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresPostgresAttribute : Attribute
{
    /// <summary>The environment variable with an Npgsql connection string (<c>.ci/run</c> starts a throwaway server and sets it).</summary>
    public const string VariableName = "CHATBOT_TEST_POSTGRES";

    /// <summary>The connection string, or null when the variable is unset.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;

    /// <summary>Why the tests of a marked class are skipped here, or null when they can run.</summary>
    public static string? SkipReason => ConnectionString is null
        ? $"{VariableName} is not set: no PostgreSQL server to test against (.ci/run starts one; see deploy/README.md)."
        : null;
}

/// <summary>A <see cref="FactAttribute"/> of a contract suite: skipped in a <see cref="RequiresPostgresAttribute"/> class when no server is configured.</summary>
[XunitTestCaseDiscoverer("Chatbot.Testing.ProviderFactDiscoverer", "Chatbot.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A <see cref="TheoryAttribute"/> of a contract suite: skipped in a <see cref="RequiresPostgresAttribute"/> class when no server is configured.</summary>
[XunitTestCaseDiscoverer("Chatbot.Testing.ProviderTheoryDiscoverer", "Chatbot.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

/// <summary>Why the concrete test class of <paramref name="testMethod"/> cannot run here, or null.</summary>
internal static class ProviderRequirement
{
    public static string? SkipReason(ITestMethod testMethod) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName).Any() ? RequiresPostgresAttribute.SkipReason : null;
}

/// <summary>Discovers <see cref="ProviderFactAttribute"/> tests: as facts, or as one skipped case.</summary>
public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderRequirement.SkipReason(testMethod) is { } reason
            ? [new SkippedProviderTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Discovers <see cref="ProviderTheoryAttribute"/> tests: as theories, or as one skipped case.</summary>
public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderRequirement.SkipReason(testMethod) is { } reason
            ? [new SkippedProviderTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>A test case reported as skipped with a reason decided at discovery.</summary>
public sealed class SkippedProviderTestCase : XunitTestCase
{
    private string _reason = string.Empty;

    /// <summary>For the de-serializer only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public SkippedProviderTestCase()
    {
    }

    /// <summary>A case of <paramref name="testMethod"/> that is skipped for <paramref name="reason"/>.</summary>
    public SkippedProviderTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
        _reason = reason;
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("SkipReason", _reason);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }
}
