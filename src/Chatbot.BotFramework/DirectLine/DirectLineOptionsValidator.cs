using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Checks of <see cref="DirectLineOptions"/> that data annotations cannot express.</summary>
internal sealed class DirectLineOptionsValidator(IHostEnvironment environment) : IValidateOptions<DirectLineOptions>
{
    private const string KeyAdvice = "Set DirectLine__TokenSigningKey, from a secret store, to the output of `openssl rand -base64 32`, the same on every instance.";

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

        if (options.TokenSigningKey is { } key && DecodeSigningKey(key) is null)
        {
            failures.Add($"DirectLine:TokenSigningKey must be base64 of at least {DirectLineOptions.MinimumTokenSigningKeyBytes} random bytes. {KeyAdvice}");
        }
        else if (options.TokenSigningKey is null && !IsLocal(environment))
        {
            failures.Add($"DirectLine:TokenSigningKey is not set in the {environment.EnvironmentName} environment: without it every start and every instance "
                + $"signs website-chat tokens with its own random key, and chats break on restarts and behind a load balancer. {KeyAdvice}");
        }

        if (options.Secret is not null && options.Secret == options.TokenSigningKey)
        {
            failures.Add("DirectLine:Secret and DirectLine:TokenSigningKey must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The key's bytes, or <see langword="null"/> when it is not base64 of at least the minimum length.</summary>
    internal static byte[]? DecodeSigningKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written >= DirectLineOptions.MinimumTokenSigningKeyBytes
            ? buffer[..written]
            : null;
    }

    private static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
