using System.Diagnostics;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>) driven by Microsoft.Playwright, launched once
/// per test collection on first use. Playwright never downloads a browser here: the executable path is always given.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    // Without the background-networking flags Chromium keeps trying to reach Google's services (docs/real-clients.md).
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>How long the launch took (0 until launched).</summary>
    public TimeSpan Launch { get; private set; }

    public async Task<IBrowser> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                return _browser;
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException(
                    $"Chromium was not found at {ExecutablePath}. Install it with `apt-get install -y chromium fonts-liberation` " +
                    "(.ci/run does), or set CHROMIUM_PATH. The tests never download a browser.");
            }

            var clock = Stopwatch.StartNew();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
            Launch = clock.Elapsed;
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
