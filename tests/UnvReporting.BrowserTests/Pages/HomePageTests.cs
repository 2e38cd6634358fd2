using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Testing;
using UnvReporting.Web.Data;

namespace UnvReporting.BrowserTests.Pages;

public class HomePageTests
{
    [Theory, BothProviders]
    public async Task The_home_page_loads_its_styles_and_scripts_and_shows_the_published_years(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new UnvAppFactory(database);
        var address = app.StartKestrel();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var failures = new PageFailures(page);

        var response = await page.GotoAsync(address.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        response!.Status.ShouldBe(200);
        failures.All.ShouldBeEmpty();

        // Bootstrap's stylesheet: its navbar lays the brand and links out in a flex row.
        (await page.EvalOnSelectorAsync<string>(".navbar", "e => getComputedStyle(e).display")).ShouldBe("flex");
        // The site stylesheet: the UN blue of the navbar.
        (await page.EvalOnSelectorAsync<string>(".unv-navbar", "e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(0, 85, 140)");
        // Bootstrap's script and the site script both ran.
        (await page.EvaluateAsync<bool>("() => typeof window.bootstrap?.Collapse === 'function'")).ShouldBeTrue();
        (await page.EvaluateAsync<string>("() => document.documentElement.className")).ShouldBe("js");

        (await page.Locator(".year-card h3").AllInnerTextsAsync()).ShouldBe(["2021", "2019"]);
        await Browser.SaveScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task On_a_narrow_screen_the_menu_opens_with_the_toggle()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new UnvAppFactory(database);
        var address = app.StartKestrel();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 400, Height = 800 } });
        await page.GotoAsync(address.ToString());

        var home = page.Locator("#main-nav .nav-link", new() { HasText = "Home" });
        (await home.IsVisibleAsync()).ShouldBeFalse();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();

        await home.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
    }
}
