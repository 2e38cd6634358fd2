using UnvReporting.BrowserTests.Support;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

/// <summary>
/// Board members read on phones: every public page fits a 390 px screen without scrolling
/// sideways (the page, and no table scrolling inside it either), every colour word is on the
/// screen, and at 1,366 px the menu stays on one line, signed in or not, in both languages.
/// </summary>
public class ScreenWidthTests
{
    private static readonly string[] PublicPages =
    [
        "/",
        "/indicators",
        "/indicators/2019",
        "/indicators/2021",
        "/indicators/2021?q=online",
        "/indicators/2021/1.2",
        "/frameworks/2018-2021",
        "/frameworks/2022-2025",
        "/statistics/2021",
        "/statistics/trends",
        "/statistics/compare?a=2019&b=2021",
        "/about/scoring",
    ];

    // What overflows: the page itself, or any element that scrolls sideways inside it; and each
    // colour badge that does not lie wholly inside the screen.
    private const string Measure = """
        () => {
          const width = document.documentElement.clientWidth;
          const scrolling = [...document.querySelectorAll('body *')]
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && e.clientWidth > 1)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''));
          const offscreen = [...document.querySelectorAll('.rating')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > width + 1); })
            .map(e => e.textContent.trim());
          return { page: document.documentElement.scrollWidth - width, scrolling, offscreen };
        }
        """;

    [Theory]
    [InlineData(390, "en")]
    [InlineData(390, "zh-Hans")]
    [InlineData(1366, "en")]
    [InlineData(1366, "zh-Hans")]
    public async Task Every_public_page_fits_the_screen_with_every_colour_word_on_it(int width, string culture)
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, width: width, height: 844);
        var found = new List<string>();

        foreach (var path in PublicPages)
        {
            await session.OpenAsync(path + (path.Contains('?') ? "&" : "?") + "culture=" + culture);
            var measured = await session.Page.EvaluateAsync<Overflow>(Measure);
            if (width == 390 && path.StartsWith("/statistics/compare", StringComparison.Ordinal))
            {
                await Browser.SaveScreenshotAsync(session.Page, $"compare-phone-{culture}", fullPage: false);
            }

            if (measured.Page > 0 || measured.Scrolling.Length > 0 || measured.Offscreen.Length > 0)
            {
                found.Add($"{path} at {width} px ({culture}): page wider by {measured.Page} px; scrolls sideways: {string.Join(", ", measured.Scrolling)}; colours off screen: {string.Join(", ", measured.Offscreen)}");
            }
        }

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task At_1366_px_the_menu_stays_on_one_line_for_a_signed_in_admin(string culture)
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, width: 1366, height: 900);
        await session.CreateUserAsync(Domain.Staff.StaffRole.Admin);
        await session.SignInAsync(Domain.Staff.StaffRole.Admin);

        await session.OpenAsync("/?culture=" + culture);

        // The middle of every item of the menu, in pixels from the top: one line has them all within a few pixels.
        var items = await session.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('header nav .nav-link, header nav .navbar-brand, header nav button')].map(e => [e, e.getBoundingClientRect()]).filter(([, r]) => r.height > 0).map(([e, r]) => `${(r.top + r.bottom) / 2}|${e.textContent.trim()} at ${Math.round(r.left)}-${Math.round(r.right)}, ${Math.round(r.top)}-${Math.round(r.bottom)}`)");
        var middles = items.Select(i => double.Parse(i.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        middles.Count.ShouldBeGreaterThan(5);
        (middles.Max() - middles.Min()).ShouldBeLessThan(12, $"every item of the menu on one line: {string.Join("; ", items.Select(i => i.Split('|')[1]))}");
    }

    private sealed class Overflow
    {
        public int Page { get; set; }

        public string[] Scrolling { get; set; } = [];

        public string[] Offscreen { get; set; } = [];
    }
}
