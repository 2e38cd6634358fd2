using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

/// <summary>
/// The API reference page (/api/reference) renders the OpenAPI document with Scalar's bundle,
/// served by the app, under the site's Content-Security-Policy (docs/decisions/ADR-014): Chromium
/// reports no violation, the page asks no other host for anything, and Test Request reaches the API.
/// </summary>
public class ApiReferencePageTests
{
    private const string Reference = "/api/reference";

    [Theory, BothProviders]
    public async Task The_reference_renders_every_group_under_the_policy_and_sends_a_request_to_the_API(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider, width: 1366);
        var page = session.Page;
        await page.AddInitScriptAsync(ContentSecurityPolicyTests.RecordViolations);
        var elsewhere = RequestsToOtherHosts(session);

        await session.OpenAsync(Reference, WaitUntilState.NetworkIdle);

        await page.GetByRole(AriaRole.Heading, new() { Name = "UNV Results Dashboard API", Level = 1 }).WaitForAsync();
        await ShouldHaveNoViolationsAsync(page);
        var sidebar = page.GetByRole(AriaRole.Complementary, new() { Name = "Sidebar for UNV Results Dashboard API" });
        foreach (var group in new[] { "Results", "Staff", "Statistics", "Exports" })
        {
            (await sidebar.GetByText(group, new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue(group);
        }

        // Scalar's own styles reached the page (through the style sheets the page's script adopts):
        // its sidebar stays in place below the site's bar as the page scrolls.
        (await sidebar.EvaluateAsync<string>("e => getComputedStyle(e).position")).ShouldBe("sticky");
        (await sidebar.EvaluateAsync<string>("e => getComputedStyle(e).top")).ShouldBe("48px");

        // An operation with its parameters and the example answer from the reference data.
        await sidebar.GetByText("Colour summary of a year").ClickAsync();
        var operation = page.Locator("[id$='/GET/api/v1/years/{year}/summary']");
        await operation.GetByText("\"matchesStated\"").WaitForAsync();
        (await operation.InnerTextAsync()).ShouldContain("A reporting year, such as 2021.");
        await Browser.SaveScreenshotAsync(page, "api-reference", fullPage: false);

        // Test Request sends the request from the page, as the policy's connect-src allows, and shows the answer.
        await operation.Locator(".show-api-client-button").ClickAsync();
        var client = page.GetByRole(AriaRole.Dialog);
        var answer = await page.RunAndWaitForResponseAsync(
            () => client.Locator("button", new() { HasText = "Send" }).First.ClickAsync(),
            response => response.Url.Contains("/api/v1/years/2021/summary", StringComparison.Ordinal));
        answer.Status.ShouldBe(200);
        await client.GetByText("200 OK").First.WaitForAsync();
        await client.GetByText("\"matchesStated\": true").WaitForAsync();

        await ShouldHaveNoViolationsAsync(page);
        session.Failures.All.ShouldBeEmpty(string.Join(Environment.NewLine, session.Failures.All));
        elsewhere.ShouldBeEmpty();
    }

    /// <summary>
    /// Apart from AccessibilityTests' sweep, because Scalar draws the operations after the page has
    /// loaded: axe runs once an operation and its example are on screen.
    /// </summary>
    [Fact]
    public async Task The_rendered_reference_has_no_serious_or_critical_accessibility_violation()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, width: 1366, injectsScripts: true);
        var page = session.Page;
        await session.OpenAsync(Reference, WaitUntilState.NetworkIdle);
        var sidebar = page.GetByRole(AriaRole.Complementary, new() { Name = "Sidebar for UNV Results Dashboard API" });
        await sidebar.GetByText("Colour summary of a year").ClickAsync();
        await page.Locator("[id$='/GET/api/v1/years/{year}/summary']").GetByText("\"matchesStated\"").WaitForAsync();

        var violations = await Axe.SeriousViolationsAsync(page);

        violations.ShouldBeEmpty(Axe.Describe(Reference, violations));
        session.Failures.All.ShouldBeEmpty(string.Join(Environment.NewLine, session.Failures.All));
    }

    [Fact]
    public async Task On_a_phone_the_reference_fits_the_screen_and_its_menu_lists_the_groups()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, width: 390, height: 844);
        var page = session.Page;
        await page.AddInitScriptAsync(ContentSecurityPolicyTests.RecordViolations);

        await session.OpenAsync(Reference, WaitUntilState.NetworkIdle);
        await page.GetByRole(AriaRole.Heading, new() { Name = "UNV Results Dashboard API", Level = 1 }).WaitForAsync();
        await ShouldHaveNoViolationsAsync(page);

        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        (await page.GetByRole(AriaRole.Link, new() { Name = "UNV Results Dashboard" }).GetAttributeAsync("href")).ShouldBe("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Menu" }).ClickAsync();
        var sidebar = page.GetByRole(AriaRole.Complementary, new() { Name = "Sidebar for UNV Results Dashboard API" });
        await sidebar.GetByText("Exports", new() { Exact = true }).WaitForAsync();
        await ShouldHaveNoViolationsAsync(page);
        session.Failures.All.ShouldBeEmpty(string.Join(Environment.NewLine, session.Failures.All));
    }

    private static async Task ShouldHaveNoViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    private static List<string> RequestsToOtherHosts(AppInBrowser session)
    {
        var site = session.Address.GetLeftPart(UriPartial.Authority);
        var elsewhere = new List<string>();
        session.Page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && !request.Url.StartsWith(site, StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        return elsewhere;
    }
}
