using Microsoft.Playwright;

namespace UnvReporting.BrowserTests.Support;

/// <summary>
/// Collects every request of a page that failed or answered with an error status, every uncaught
/// script error and every error the page logged to the console.
/// </summary>
public sealed class PageFailures
{
    private readonly List<string> _failures = [];

    public PageFailures(IPage page)
    {
        page.RequestFailed += (_, request) => _failures.Add($"failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _failures.Add($"{response.Status}: {response.Url}");
            }
        };
        page.PageError += (_, error) => _failures.Add($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _failures.Add($"console error: {message.Text} ({message.Location})");
            }
        };
    }

    public IReadOnlyList<string> All => _failures;
}
