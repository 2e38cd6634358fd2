using Microsoft.Playwright;

namespace UnvReporting.BrowserTests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download cannot run here,
/// so the system browser is used; the networking flags stop Chromium from calling home on a
/// network that refuses it (docs/decisions/ADR-005).
/// </summary>
public static class Browser
{
    public const string ExecutableVariable = "UNV_CHROMIUM";

    private static readonly Lazy<Task<IPlaywright>> Playwright = new(Microsoft.Playwright.Playwright.CreateAsync);

    public static async Task<IBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. Install it (apt-get install -y chromium, as ./test.sh does) or set {ExecutableVariable}.");
        }

        var playwright = await Playwright.Value;
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// Saves a screenshot of the whole page for the documentation when <c>UNV_SCREENSHOTS</c> names
    /// a folder (docs/images when refreshing the user guide); otherwise does nothing. With
    /// <paramref name="downTo"/>, the page from its top down to the bottom of that element only;
    /// without <paramref name="fullPage"/>, what the window shows.
    /// </summary>
    public static async Task SaveScreenshotAsync(IPage page, string name, ILocator? downTo = null, bool fullPage = true)
    {
        var folder = Environment.GetEnvironmentVariable("UNV_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);

        // Chart.js grows the bars in after each draw, and a full-page picture resizes the window,
        // which draws the charts again: without animation the picture shows them whole.
        await page.EvaluateAsync(
            "() => { for (const c of document.querySelectorAll('canvas')) { if (c.chart) { c.chart.options.animation = false; c.chart.update('none'); } } }");
        var options = new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage };
        if (downTo is not null)
        {
            // Bounding boxes are measured from the window; at the top of the page that is the page itself.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            var box = await downTo.BoundingBoxAsync() ?? throw new InvalidOperationException($"{downTo} is not on screen.");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            options.Clip = new Clip { X = 0, Y = 0, Width = width, Height = box.Y + box.Height + 16 };
        }

        await page.ScreenshotAsync(options);
    }
}
