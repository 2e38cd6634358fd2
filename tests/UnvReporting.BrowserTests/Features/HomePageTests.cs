using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

public class HomePageTests
{
    [Theory, BothProviders]
    public async Task The_home_page_loads_its_styles_and_scripts_lists_the_published_years_and_draws_the_latest_by_colour(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider);
        var page = session.Page;

        await session.OpenAsync("/", WaitUntilState.NetworkIdle);

        // Bootstrap's stylesheet: its navbar lays the brand and links out in a flex row.
        (await page.EvalOnSelectorAsync<string>(".navbar", "e => getComputedStyle(e).display")).ShouldBe("flex");
        // The site stylesheet: the UN blue of the navbar.
        (await page.EvalOnSelectorAsync<string>(".unv-navbar", "e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(0, 85, 140)");
        // Bootstrap's script and the site script both ran.
        (await page.EvaluateAsync<bool>("() => typeof window.bootstrap?.Collapse === 'function'")).ShouldBeTrue();
        (await page.EvaluateAsync<string>("() => document.documentElement.className")).ShouldBe("js");

        (await page.Locator(".year-card h3").AllInnerTextsAsync()).ShouldBe(["2021", "2019"]);

        // The doughnut of 2021: 11 green, 2 yellow, 1 red, no grey; each colour is drawn.
        (await page.Locator(".at-a-glance").GetAttributeAsync("data-year")).ShouldBe("2021");
        await Charts.WaitUntilDrawnAsync(page, "#summary-chart");
        var pixels = await Charts.CountPixelsAsync(page, "#summary-chart");
        pixels.Green.ShouldBeGreaterThan(pixels.Yellow);
        pixels.Yellow.ShouldBeGreaterThan(0);
        pixels.Red.ShouldBeGreaterThan(0);
        pixels.Grey.ShouldBe(0);
        session.Failures.All.ShouldBeEmpty();
        await Browser.SaveScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task On_a_narrow_screen_the_menu_opens_with_the_toggle()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, width: 400, height: 800);
        var page = session.Page;
        await session.OpenAsync("/");

        var home = page.Locator("#main-nav .nav-link", new() { HasText = "Home" });
        (await home.IsVisibleAsync()).ShouldBeFalse();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();

        await home.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
    }
}
