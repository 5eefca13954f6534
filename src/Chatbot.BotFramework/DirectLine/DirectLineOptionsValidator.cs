using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Checks of <see cref="DirectLineOptions"/> that data annotations cannot express.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        List<string> failures = [];
        foreach (var origin in options.AllowedOrigins)
        {
            if (!DirectLineCors.TryNormalizeOrigin(origin, out _))
            {
                failures.Add($"DirectLine:AllowedOrigins: '{origin}' is not an origin like 'https://clinic.example' (scheme and host, optional port, no path).");
            }
        }

        if (options.PublicBaseUrl is { } baseUrl
            && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("DirectLine:PublicBaseUrl must be an absolute http(s) address.");
        }

        if (options.Secret is not null && options.Secret == options.TokenSigningKey)
        {
            failures.Add("DirectLine:Secret and DirectLine:TokenSigningKey must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
