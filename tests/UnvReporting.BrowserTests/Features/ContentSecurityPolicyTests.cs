using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

/// <summary>
/// The pages work under the app's Content-Security-Policy: Chromium reports no violation (a
/// blocked inline script, style or image) on any of them, charts are still drawn and a chart's
/// PNG still downloads.
/// </summary>
public class ContentSecurityPolicyTests
{
    // Recorded by a script the browser runs before the page's own (Playwright injects it, outside the page's CSP).
    internal const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e =>
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    private static readonly string[] PublicPages =
    [
        "/", "/indicators", "/indicators/2021", "/indicators/2021/1.1", "/indicators/2019?culture=zh-Hans",
        "/statistics/2021", "/statistics/trends", "/statistics/compare", "/about/scoring", "/account/sign-in?culture=en",
        "/api/reference",
    ];

    private static string[] StaffPages(AppUrls url) => [url.Staff, url.StaffYear(2020), url.Statistics(2020), url.Users];

    [Theory, BothProviders]
    public async Task No_page_breaks_the_content_security_policy(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider);
        var page = session.Page;
        await page.AddInitScriptAsync(RecordViolations);
        await session.CreateUserAsync(StaffRole.Admin);
        await session.AddDraft2020Async();
        var violations = new List<string>();

        foreach (var address in PublicPages)
        {
            var response = await session.OpenAsync(address, WaitUntilState.NetworkIdle);
            (await response.HeaderValueAsync("content-security-policy")).ShouldNotBeNull(address);
            violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => $"{address}: {v}"));
        }

        // Charts are drawn by scripts from files and Chart.js's styles are let through.
        await session.OpenAsync("/statistics/2021", WaitUntilState.NetworkIdle);
        await Charts.WaitUntilDrawnAsync(page, "#entities-chart");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("[data-action='download-png'][data-chart='entities-chart']").ClickAsync());
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).Length.ShouldBeGreaterThan(1000);
        violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => $"PNG download: {v}"));

        await session.SignInAsync(StaffRole.Admin);
        foreach (var address in StaffPages(session.Url))
        {
            await session.OpenAsync(address, WaitUntilState.NetworkIdle);
            violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => $"{address}: {v}"));
        }

        // The entry page scores a figure as it is typed: its script and the server's answer still run.
        await session.OpenAsync(session.Url.StaffYear(2020), WaitUntilState.NetworkIdle);
        var scored = await page.RunAndWaitForResponseAsync(
            () => page.Locator("input[name$='.Result']").First.FillAsync("55"),
            response => response.Url.Contains("handler=Score", StringComparison.Ordinal));
        scored.Status.ShouldBe(200);
        violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => $"entry: {v}"));

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
        session.Failures.All.ShouldBeEmpty(string.Join(Environment.NewLine, session.Failures.All));
    }
}
