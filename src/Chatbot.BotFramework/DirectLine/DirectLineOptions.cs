using System.ComponentModel.DataAnnotations;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Settings of the Direct Line 3.0 server (configuration section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>The shortest accepted <see cref="TokenSigningKey"/>, in bytes after base64 decoding (HMAC-SHA256's block of 256 bits).</summary>
    public const int MinimumTokenSigningKeyBytes = 32;

    /// <summary>
    /// A secret that server-side callers present as <c>Authorization: Bearer &lt;secret&gt;</c> to generate tokens
    /// (with a user id of their choice) or to use any conversation. Never give it to a browser.
    /// </summary>
    /// <value>The default is <see langword="null"/>: secret access is off.</value>
    [MinLength(32)]
    public string? Secret { get; set; }

    /// <summary>
    /// The HMAC-SHA256 key that signs tokens, base64-encoded, at least <see cref="MinimumTokenSigningKeyBytes"/> bytes
    /// (<c>openssl rand -base64 32</c>). Every instance serving the same clients needs the same key; keep it in a secret
    /// store, never in a file under version control.
    /// </summary>
    /// <value>The default is <see langword="null"/>. Then, in the Development and Testing environments only, a random key
    /// is made at start (with a warning): tokens do not survive a restart and do not work across instances. In any
    /// other environment the host refuses to start without a key.</value>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a token is valid. Clients refresh it every 15 minutes (directlinejs' fixed interval).</summary>
    /// <value>The default is 30 minutes; at least 20 minutes, at most 24 hours.</value>
    [Range(typeof(TimeSpan), "00:20:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Whether <c>POST /tokens/generate</c> answers without the secret when the request comes from a page of this
    /// site or of an <see cref="AllowedOrigins">allowed origin</see> (see the endpoint's remarks). The token then
    /// carries a fresh random user id; a user id in the body is ignored.
    /// </summary>
    /// <value>The default is <see langword="true"/> (the bundled chat page needs it).</value>
    public bool AllowAnonymousTokens { get; set; } = true;

    /// <summary>Other origins (<c>https://clinic.example</c>) whose pages may call the server (CORS).</summary>
    /// <value>The default is empty: same-origin pages only.</value>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a conversation is kept after its last activity.</summary>
    /// <value>The default is 24 hours; at least 1 minute.</value>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan TranscriptRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired conversations are purged.</summary>
    /// <value>The default is 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most activities (user and bot) one conversation may hold; further posts get 409 <c>ConversationFull</c>.</summary>
    /// <value>The default is 2000.</value>
    [Range(10, 1_000_000)]
    public int MaxActivitiesPerConversation { get; set; } = 2000;

    /// <summary>Sustained polls per second allowed for one conversation.</summary>
    /// <value>The default is 10. Keep it above 5: directlinejs polls at most every 200 ms, and it stops polling for
    /// good on any error other than 403/404, including 429.</value>
    [Range(1.0, 1000.0)]
    public double PollsPerSecond { get; set; } = 10;

    /// <summary>Polls one conversation may make in a burst before <see cref="PollsPerSecond"/> applies.</summary>
    /// <value>The default is 20.</value>
    [Range(1, 10_000)]
    public int PollBurst { get; set; } = 20;

    /// <summary>The largest JSON body accepted (an activity), in bytes; larger gets 413.</summary>
    /// <value>The default is 32 KiB: a typed message with Web Chat's channel data and entities needs a few KiB.</value>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// The longest message text accepted, in characters; longer posts get 413 <c>PayloadTooLarge</c> with a message
    /// that says so (Web Chat shows the send as failed and keeps the text). What a person types, not what a script pastes.
    /// </summary>
    /// <value>The default is 5,000.</value>
    [Range(100, 1_000_000)]
    public int MaxTextLength { get; set; } = 5_000;

    /// <summary>The largest upload (multipart, all parts) accepted, in bytes; larger gets 413. Files are never stored.</summary>
    /// <value>The default is 4 MiB.</value>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a post waits for the bot before answering 502 <c>BotTimeout</c> (replies that come later are still recorded).</summary>
    /// <value>The default is 10 seconds; at most 14, so the client hears back within Direct Line's 15 s.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:14")]
    public TimeSpan BotTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The bot's account id in this channel (<c>recipient</c> of user activities, <c>from</c> of replies).</summary>
    /// <value>The default is <c>bot</c>.</value>
    [Required]
    [MinLength(1)]
    public string BotId { get; set; } = "bot";

    /// <summary>The bot's display name.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? BotName { get; set; }

    /// <summary>
    /// The public base address of this site, used as the activities' <c>serviceUrl</c>. Set it in production:
    /// otherwise it is taken from the request, whose Host header the client controls.
    /// </summary>
    /// <value>The default is <see langword="null"/> (derived from each request).</value>
    public Uri? PublicBaseUrl { get; set; }
}
