using Microsoft.Playwright;

namespace UnvReporting.BrowserTests.Support;

/// <summary>Collects every request of a page that failed or answered with an error status, and every script error.</summary>
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
    }

    public IReadOnlyList<string> All => _failures;
}
