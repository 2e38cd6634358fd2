using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

public class StatisticsPageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_2021_statistics_draw_every_chart_download_a_png_and_open_the_table()
    {
        // The markup and the script are the same on both databases; the integration tests cover both.
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite);
        var page = session.Page;

        await session.OpenAsync("/statistics/2021", WaitUntilState.NetworkIdle);

        foreach (var chart in new[] { "entities", "regions", "national", "women", "age", "categories" })
        {
            await Charts.WaitUntilDrawnAsync(page, $"#{chart}-chart");
            (await Charts.CountPixelsAsync(page, $"#{chart}-chart")).Painted.ShouldBeGreaterThan(0, chart);
        }

        await Browser.SaveScreenshotAsync(page, "statistics-2021", page.Locator(".statistic-chart[data-chart='entities']"));

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("[data-action='download-png'][data-chart='entities-chart']").ClickAsync());
        download.SuggestedFilename.ShouldBe("unv-statistics-2021-entities.png");
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Take(8).ShouldBe(PngSignature);
        // The image is larger than the chart on screen: the title above and the source below are drawn into it.
        var size = await page.EvaluateAsync<int[]>("() => { const c = document.getElementById('entities-chart'); return [c.width, c.height]; }");
        PngHeight(bytes).ShouldBeGreaterThan(size[1]);
        PngWidth(bytes).ShouldBeGreaterThan(size[0]);

        var table = page.Locator(".statistic-chart[data-chart='entities'] details");
        (await table.Locator("table").IsVisibleAsync()).ShouldBeFalse();
        await table.Locator("summary").ClickAsync();
        await table.Locator("table").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        (await table.Locator("tbody tr").First.InnerTextAsync()).ShouldContain("UN Secretariat entities and missions");
        await Browser.SaveScreenshotAsync(page, "statistics-2021-table", table);

        session.Failures.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_trend_of_a_statistic_is_drawn_after_picking_it_from_the_list()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite);
        var page = session.Page;
        await session.OpenAsync("/statistics/trends");

        await page.Locator("#metric").SelectOptionAsync("women_share");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**/statistics/trends?metric=women_share*");

        await Charts.WaitUntilDrawnAsync(page, "#trend-chart");
        (await Charts.CountPixelsAsync(page, "#trend-chart")).Painted.ShouldBeGreaterThan(0);
        await Browser.SaveScreenshotAsync(page, "statistics-trends", page.Locator(".statistic-chart"));

        await session.OpenAsync("/statistics/compare?a=2019&b=2021");
        await Browser.SaveScreenshotAsync(page, "statistics-compare", page.Locator(".compare-table tbody tr").Nth(12));
        session.Failures.All.ShouldBeEmpty();
    }

    // A PNG's IHDR chunk follows the signature: length, "IHDR", then width and height, big-endian.
    private static int PngWidth(byte[] png) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));

    private static int PngHeight(byte[] png) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
}
