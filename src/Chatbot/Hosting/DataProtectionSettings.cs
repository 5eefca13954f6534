using System.ComponentModel.DataAnnotations;

namespace Chatbot.Hosting;

/// <summary>
/// Where ASP.NET Core Data Protection keeps its keys (configuration section <c>Chatbot:DataProtection</c>). The keys
/// encrypt the staff sign-in and anti-forgery cookies and the names a patient gave, kept encrypted in the conversation
/// state: every instance must read the same key ring, under the same application name.
/// </summary>
public sealed class DataProtectionSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chatbot:DataProtection";

    /// <summary>
    /// A folder shared by every instance (a mounted volume or file share) that holds the key ring. Relative paths are
    /// resolved against the content root. Readable only by the service user: the keys are stored unencrypted.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the framework's per-machine default (the user profile's
    /// <c>.aspnet/DataProtection-Keys</c>), which suits one instance on one machine only.</value>
    public string? KeysPath { get; set; }

    /// <summary>The application name that isolates this bot's keys from other apps sharing the key ring; the same on every instance.</summary>
    /// <value>The default is <c>clinic-chatbot</c>.</value>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Chatbot:DataProtection:ApplicationName may hold letters, digits, '.', '_' and '-' only (1-100).")]
    public string ApplicationName { get; set; } = "clinic-chatbot";
}
