using UnvReporting.BrowserTests.Support;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

public class IndicatorPageTests
{
    [Theory, BothProviders]
    public async Task An_indicator_opened_from_the_table_charts_its_results_against_its_milestones(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider);
        var page = session.Page;
        await session.OpenAsync("/indicators/2021");

        await page.Locator("tr[data-key='1.2'] th a").ClickAsync();
        await page.WaitForURLAsync("**/indicators/2021/1.2");
        await Charts.WaitUntilDrawnAsync(page, "#indicator-chart");

        (await page.Locator("h1").InnerTextAsync()).ShouldStartWith("Indicator 1.2:");
        // Both years green: bars in the green of the palette, and the milestone line and axes besides.
        var pixels = await Charts.CountPixelsAsync(page, "#indicator-chart");
        pixels.Green.ShouldBeGreaterThan(1000);
        pixels.Painted.ShouldBeGreaterThan(pixels.Green);
        pixels.Yellow.ShouldBe(0);

        // The same figures as a table, for readers who cannot see the chart.
        (await page.Locator(".history-table tbody th").AllInnerTextsAsync()).ShouldBe(["2019", "2021"]);
        // 1.2 became cumulative at the 2020 mid-term review.
        (await page.Locator(".year-detail[data-year='2021'] .definition-change").IsVisibleAsync()).ShouldBeTrue();
        session.Failures.All.ShouldBeEmpty();
        await Browser.SaveScreenshotAsync(page, "indicator-1.2");
    }
}
