using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting;

/// <summary>
/// The TLS-terminating proxies (load balancer, App Service front end, nginx) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed (section <c>Chatbot:ForwardedHeaders</c>). Headers from anyone else are
/// ignored, so a client cannot pick its own address (rate limits) or claim HTTPS.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:ForwardedHeaders";

    /// <summary>Addresses of the proxies (<c>10.0.0.4</c>, <c>::1</c>).</summary>
    /// <value>The default is empty.</value>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form (<c>10.0.0.0/16</c>).</summary>
    /// <value>The default is empty.</value>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>True when any proxy is configured.</summary>
    public bool HasProxies => KnownProxies.Any(p => !string.IsNullOrWhiteSpace(p)) || KnownNetworks.Any(n => !string.IsNullOrWhiteSpace(n));

    /// <summary>Copies the proxies into the framework's options: only those, with X-Forwarded-For and -Proto (never Host).</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }
    }
}

/// <summary>
/// Start-up check: outside Development and Testing the bot must be reached over HTTPS — it listens on an https URL,
/// or sits behind a configured TLS-terminating proxy. Otherwise it refuses to start and says what to set, instead of
/// answering every staff sign-in with a 500 (Secure-only cookies over plain HTTP).
/// </summary>
internal sealed class HttpsDeploymentValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var failures = new List<string>();
        foreach (var proxy in options.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p) && !IPAddress.TryParse(p.Trim(), out _)))
        {
            failures.Add($"{ForwardedHeadersSettings.SectionName}:KnownProxies entry '{proxy}' is not an IP address.");
        }

        foreach (var network in options.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n) && !System.Net.IPNetwork.TryParse(n.Trim(), out _)))
        {
            failures.Add($"{ForwardedHeadersSettings.SectionName}:KnownNetworks entry '{network}' is not a network in CIDR form (10.0.0.0/16).");
        }

        var local = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (!local && !options.HasProxies && !ListensOnHttps())
        {
            failures.Add(
                $"The {environment.EnvironmentName} environment must be reached over HTTPS: staff sign-in cookies are HTTPS-only and patients' " +
                "messages are health information. Either listen on https (e.g. ASPNETCORE_URLS=https://+:443 with a certificate in " +
                "Kestrel:Certificates:Default), or, behind a TLS-terminating proxy or load balancer, set " +
                $"{ForwardedHeadersSettings.SectionName}:KnownProxies:0 (or KnownNetworks:0, e.g. 10.0.0.0/16) to its address so that its " +
                "X-Forwarded-Proto is honoured. For local use, run with ASPNETCORE_ENVIRONMENT=Development.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // ASPNETCORE_URLS and --urls arrive as "urls", HTTPS_PORTS as "https_ports"; Kestrel endpoints under Kestrel:Endpoints.
    private bool ListensOnHttps() =>
        !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || (configuration["urls"] ?? string.Empty).Split(';').Any(IsHttps)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => IsHttps(endpoint["Url"]));

    private static bool IsHttps(string? url) => url?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
}
