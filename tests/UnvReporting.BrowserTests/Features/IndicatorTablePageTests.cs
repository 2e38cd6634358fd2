using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

public class IndicatorTablePageTests
{
    [Theory, BothProviders]
    public async Task The_2019_table_sums_up_the_colours_shows_each_with_its_word_and_icon_and_filters_by_colour(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider);
        var page = session.Page;

        await session.OpenAsync("/indicators/2019");

        (await page.Locator(".summary-sentence").InnerTextAsync()).ShouldBe("Of 14 indicators: 9 green, 5 yellow, 0 red, 0 grey.");
        await ShouldShowRatingAsync(page, "2.1.1a", "Green", "✓");
        await ShouldShowRatingAsync(page, "2.1.1b", "Yellow", "▲");
        await Browser.SaveScreenshotAsync(page, "indicators-2019");

        await page.Locator(".rating-filter a", new() { HasText = "Yellow" }).ClickAsync();
        await page.WaitForURLAsync("**/indicators/2019?rating=yellow");

        var shown = await page.Locator("tr.indicator-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.rating)");
        shown.Length.ShouldBe(5);
        shown.ShouldAllBe(rating => rating == "yellow");
        session.Failures.All.ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task The_year_switcher_opens_2021_where_rows_whose_printed_score_differs_are_flagged(DatabaseProvider provider)
    {
        await using var session = await AppInBrowser.StartAsync(provider);
        var page = session.Page;
        await session.OpenAsync("/indicators/2019");

        await page.Locator(".year-switcher a", new() { HasText = "2021" }).ClickAsync();
        await page.WaitForURLAsync("**/indicators/2021");

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Results 2021");
        (await page.Locator("tr.flagged").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)")).ShouldBe(["1.1", "1.2", "1.2.1"]);
        var row = page.Locator("tr[data-key='1.2']");
        (await row.Locator(".score").InnerTextAsync()).ShouldBe("166%");
        (await row.Locator(".published").InnerTextAsync()).ShouldContain("139%");
        (await row.Locator(".flag-note").InnerTextAsync()).ShouldBe("⚑ The report printed 139%; the milestone and the result give 166%.");
        session.Failures.All.ShouldBeEmpty();

        // For the user guide: the page down to the last of the three flagged rows.
        await Browser.SaveScreenshotAsync(page, "indicators-2021-flags", downTo: page.Locator("tr[data-key='1.2.1']"));
    }

    [Fact]
    public async Task Printed_the_table_keeps_its_rows_and_leaves_out_the_navigation_and_controls_on_A4()
    {
        // The print layout is the stylesheet's, the same on both databases.
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite);
        var page = session.Page;
        await session.OpenAsync("/indicators/2019");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { "header nav", ".year-switcher", ".rating-filter", "[data-action='print']", "footer" })
        {
            (await page.Locator(hidden).IsVisibleAsync()).ShouldBeFalse(hidden);
        }

        (await page.Locator(".indicator-table").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("tr.indicator-row:visible").CountAsync()).ShouldBe(14);

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        var pageSizes = PageSizesInPoints(pdf);
        pageSizes.ShouldNotBeEmpty();
        pageSizes.ShouldAllBe(size => Math.Abs(size.Width - 595.3) < 1 && Math.Abs(size.Height - 841.9) < 1, "A4 is 595.3 × 841.9 points");
    }

    /// <summary>Each page's MediaBox; Chromium writes them as plain text in the page objects.</summary>
    private static List<(double Width, double Height)> PageSizesInPoints(byte[] pdf) =>
        Regex.Matches(Encoding.Latin1.GetString(pdf), @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The row's colour, in its word and its icon (the icon hidden from screen readers, which read the word).</summary>
    private static async Task ShouldShowRatingAsync(IPage page, string key, string word, string icon)
    {
        var badge = page.Locator($"tr[data-key='{key}'] .rating").First;
        (await badge.IsVisibleAsync()).ShouldBeTrue(key);
        (await badge.InnerTextAsync()).ShouldBe($"{icon} {word}", key);
        (await badge.Locator(".rating-icon").GetAttributeAsync("aria-hidden")).ShouldBe("true", key);
    }
}
