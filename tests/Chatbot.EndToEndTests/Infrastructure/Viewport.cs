using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>The two sizes the chat is checked at (issue 15): a laptop and a phone (iPhone 12–15 in CSS pixels).</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsPhone)
{
    public static Viewport Desktop { get; } = new("desktop", 1280, 800, false);

    public static Viewport Phone { get; } = new("phone", 390, 844, true);

    public static Viewport ByName(string name) => name == Phone.Name ? Phone : Desktop;

    /// <summary>A new browser context at this size, in US English (a phone is emulated as a touch device).</summary>
    public Task<IBrowserContext> NewContextAsync(IBrowser browser) => browser.NewContextAsync(new()
    {
        Locale = "en-US",
        ViewportSize = new() { Width = Width, Height = Height },
        IsMobile = IsPhone,
        HasTouch = IsPhone,
    });

    public override string ToString() => $"{Name} {Width}×{Height}";
}
