using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Authentication;

/// <summary>Cross-field checks of <see cref="BotFrameworkAuthenticationOptions"/>, run at startup.</summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        var failures = new List<string>();
        if (options.InvalidMicrosoftAppType is { } type)
        {
            failures.Add($"MicrosoftAppType '{type}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (options.AllowAnonymous && !options.IsLocalEnvironment)
        {
            failures.Add(
                $"BotFramework:AllowAnonymous is true in the {options.EnvironmentName} environment. Anonymous /api/messages accepts anyone's " +
                "activities and is for the Emulator on a developer's machine only (ASPNETCORE_ENVIRONMENT=Development). Remove " +
                "BotFramework:AllowAnonymous; a website-only clinic needs nothing else (the web chat uses the built-in Direct Line). " +
                "For Teams or Azure channels set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId " +
                "to the Azure Bot's identity, and Chatbot:Teams:AllowedTenantIds to the clinic's tenant.");
        }

        if (options.AllowAnonymous && !options.IsAnonymous)
        {
            failures.Add("BotFramework:AllowAnonymous is true but MicrosoftAppId is set: with an app id every request needs a channel token. Remove BotFramework:AllowAnonymous.");
        }

        foreach (var host in options.AllowedServiceUrlHosts)
        {
            if (!ServiceUrlPolicy.IsValidHostPattern(host))
            {
                failures.Add($"BotFramework:AllowedServiceUrlHosts entry '{host}' must be a host name (e.g. smba.trafficmanager.net) or *.domain (e.g. *.botframework.com).");
            }
        }

        if (options.IsAnonymous)
        {
            if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty; set both (or neither, for anonymous local testing).");
            }
        }
        else if (options.MicrosoftAppType != MicrosoftAppType.UserAssignedMSI && string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            failures.Add($"MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is {options.MicrosoftAppType}.");
        }

        if (!options.IsAnonymous && options.MicrosoftAppType == MicrosoftAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
        }

        CheckUrl(failures, "OpenIdMetadataUrl", options.OpenIdMetadataUrl, options.RequireHttpsMetadata);
        CheckUrl(failures, "EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl, options.RequireHttpsMetadata);
        CheckUrl(failures, "LoginBaseUrl", options.LoginBaseUrl, requireHttps: false);
        CheckUrl(failures, "ManagedIdentityEndpoint", options.ManagedIdentityEndpoint, requireHttps: false);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string? value, bool requireHttps)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{BotFrameworkAuthenticationOptions.SectionName}:{key} must be an absolute http(s) URL.");
        }
        else if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{BotFrameworkAuthenticationOptions.SectionName}:{key} must use https while {BotFrameworkAuthenticationOptions.SectionName}:RequireHttpsMetadata is true.");
        }
    }
}
