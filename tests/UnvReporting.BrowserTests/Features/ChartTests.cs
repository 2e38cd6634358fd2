using Microsoft.Playwright;
using UnvReporting.BrowserTests.Support;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Features;

/// <summary>
/// What the charts of wwwroot/js/charts.js show, read from Chart.js itself: the axis ranges, the
/// legend beside the drawn elements, and the PNG a reader downloads. The markup and the script are
/// the same on both databases; the integration tests cover both.
/// </summary>
public class ChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_indicator_chart_keeps_the_milestone_inside_its_axis_and_its_legend_shows_the_drawn_colours()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite);
        var page = session.Page;
        // 1.2.2: 87 against 75 in 2019 (green), 59 against 120 in 2021 (red); the milestone of 120 is the highest figure.
        await session.OpenAsync("/indicators/2021/1.2.2");
        await Charts.WaitUntilDrawnAsync(page, "#indicator-chart");

        var axis = await page.EvaluateAsync<double[]>(
            """
            () => {
              const chart = document.getElementById("indicator-chart").chart;
              const markers = chart.getDatasetMeta(1).data;
              return [chart.scales.y.max, Math.min(...markers.map(m => m.y - m.options.radius)), chart.chartArea.top];
            }
            """);
        axis[0].ShouldBeGreaterThan(120 * 1.05, "headroom above the milestone");
        axis[1].ShouldBeGreaterThanOrEqualTo(axis[2], "the highest milestone marker is drawn whole inside the plot");

        var legend = await page.EvaluateAsync<LegendCheck>(
            """
            () => {
              const chart = document.getElementById("indicator-chart").chart;
              const items = chart.legend.legendItems;
              const bars = chart.getDatasetMeta(0).data.map(b => b.options.backgroundColor);
              const line = chart.getDatasetMeta(1).dataset.options.borderColor;
              const results = items.filter(i => i.datasetIndex === 0);
              const milestone = items.find(i => i.datasetIndex === 1);
              return {
                barColours: [...new Set(bars)].sort(),
                legendColours: results.map(i => i.fillStyle).sort(),
                texts: items.map(i => i.text),
                milestoneColourMatches: milestone.strokeStyle === line,
                milestoneIsMarker: milestone.pointStyle instanceof HTMLCanvasElement,
              };
            }
            """);
        legend.LegendColours.ShouldBe(legend.BarColours);
        legend.BarColours.Length.ShouldBe(2);
        legend.Texts.ShouldBe(["Result: Green", "Result: Red", "Milestone"]);
        legend.MilestoneColourMatches.ShouldBeTrue();
        legend.MilestoneIsMarker.ShouldBeTrue();
        var pixels = await Charts.CountPixelsAsync(page, "#indicator-chart");
        pixels.Green.ShouldBeGreaterThan(500);
        pixels.Red.ShouldBeGreaterThan(500);

        await Browser.SaveScreenshotAsync(page, "chart-indicator-1.2.2", page.Locator(".chart-actions"));
        session.Failures.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_trend_chart_spaces_years_by_their_distance_and_words_each_figure()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite);
        var page = session.Page;
        await session.OpenAsync("/statistics/trends?metric=volunteers_deployed");
        await Charts.WaitUntilDrawnAsync(page, "#trend-chart");

        var axis = await page.EvaluateAsync<AxisCheck>(
            """
            () => {
              const chart = document.getElementById("trend-chart").chart;
              const points = Object.fromEntries(chart.getDatasetMeta(0).data.map((p, i) => [chart.data.datasets[0].data[i].x, p.x]));
              return { type: chart.scales.x.type, x1980: points[1980], x1995: points[1995], x2019: points[2019], x2021: points[2021] };
            }
            """);
        await Browser.SaveScreenshotAsync(page, "chart-trends", page.Locator(".statistic-chart figure"));
        axis.Type.ShouldBe("linear");
        ((axis.X2019 - axis.X1995) / (axis.X1995 - axis.X1980)).ShouldBe(24.0 / 15, 0.01);
        ((axis.X2021 - axis.X2019) / (axis.X1995 - axis.X1980)).ShouldBe(2.0 / 15, 0.01);

        var tooltip = await page.EvaluateAsync<string[]>(
            """
            () => {
              const chart = document.getElementById("trend-chart").chart;
              const index = chart.data.datasets[0].data.findIndex(p => p.x === 1980);
              chart.tooltip.setActiveElements([{ datasetIndex: 0, index }], { x: 0, y: 0 });
              chart.update();
              return [...chart.tooltip.title, ...chart.tooltip.body.flatMap(b => b.lines)];
            }
            """);
        tooltip.ShouldBe(["1980", "more than 600"]);

        session.Failures.All.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/indicators/2021/1.2.2", "indicator-chart", "unv-indicator-2021-1.2.2.png", 390)]
    [InlineData("/", "summary-chart", "unv-colours-2021.png", 1366)]
    [InlineData("/statistics/compare?a=2019&b=2021", "compare-chart", "unv-statistics-compare-2019-2021.png", 1366)]
    public async Task Download_PNG_gives_the_chart_with_its_title_over_as_many_lines_as_it_needs_and_its_source(string path, string canvas, string fileName, int width)
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite, width: width);
        var page = session.Page;
        await session.OpenAsync(path);
        await Charts.WaitUntilDrawnAsync(page, $"#{canvas}");
        (await Charts.CountPixelsAsync(page, $"#{canvas}")).Painted.ShouldBeGreaterThan(0);

        var source = await page.EvaluateAsync<string>(
            """
            canvas => {
              const script = document.getElementById(document.getElementById(canvas).dataset.chartSource);
              const data = JSON.parse(script.textContent);
              const source = data.source;
              // A source of one line, so the image's height tells how many lines the title took.
              data.source = "Source: DP/2022/24";
              script.textContent = JSON.stringify(data);
              return source;
            }
            """,
            canvas);
        source.ShouldStartWith("Source: DP/20");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator($"[data-action='download-png'][data-chart='{canvas}']").ClickAsync());
        download.SuggestedFilename.ShouldBe(fileName);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        bytes.Take(8).ShouldBe(PngSignature);
        bytes.Length.ShouldBeGreaterThan(8_000);

        // Title lines, the source line and four paddings, at the canvas's pixel ratio (see chart-png.js).
        var expected = await page.EvaluateAsync<double[]>(
            """
            canvas => {
              const c = document.getElementById(canvas);
              const data = JSON.parse(document.getElementById(c.dataset.chartSource).textContent);
              const scale = c.width / c.clientWidth;
              const context = document.createElement("canvas").getContext("2d");
              context.font = `bold ${18 * scale}px system-ui, sans-serif`;
              const oneLine = context.measureText(data.title).width <= c.width;
              return [c.width + 32 * scale, c.height + 64 * scale + 13 * 1.25 * scale, 18 * 1.25 * scale, oneLine ? 1 : 0];
            }
            """,
            canvas);
        ((double)PngWidth(bytes)).ShouldBe(expected[0], 1.0);
        // The image's height is rounded down to whole pixels.
        var titleLines = (PngHeight(bytes) - expected[1]) / expected[2];
        titleLines.ShouldBe(Math.Round(titleLines), 0.1);
        if (expected[3] == 0)
        {
            Math.Round(titleLines).ShouldBeGreaterThanOrEqualTo(2, "a title wider than the chart is wrapped");
        }
        else
        {
            Math.Round(titleLines).ShouldBe(1);
        }

        session.Failures.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task Compare_draws_its_chart_beside_the_table()
    {
        await using var session = await AppInBrowser.StartAsync(DatabaseProvider.Sqlite);
        var page = session.Page;
        await session.OpenAsync("/statistics/compare?a=2019&b=2021&culture=zh-Hans");
        await Charts.WaitUntilDrawnAsync(page, "#compare-chart");

        (await Charts.CountPixelsAsync(page, "#compare-chart")).Painted.ShouldBeGreaterThan(1000);
        (await page.Locator(".statistic-chart[data-chart='compare'] h2").InnerTextAsync()).ShouldBe("2019年至2021年的变化");
        (await page.Locator(".compare-table").IsVisibleAsync()).ShouldBeTrue();
        await Browser.SaveScreenshotAsync(page, "chart-compare-zh", page.Locator(".statistic-chart[data-chart='compare'] figure"));
        session.Failures.All.ShouldBeEmpty();
    }

    // A PNG's IHDR chunk follows the signature: length, "IHDR", then width and height, big-endian.
    private static int PngWidth(byte[] png) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));

    private static int PngHeight(byte[] png) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));

    public sealed class LegendCheck
    {
        public string[] BarColours { get; set; } = [];

        public string[] LegendColours { get; set; } = [];

        public string[] Texts { get; set; } = [];

        public bool MilestoneColourMatches { get; set; }

        public bool MilestoneIsMarker { get; set; }
    }

    public sealed class AxisCheck
    {
        public string Type { get; set; } = "";

        public double X1980 { get; set; }

        public double X1995 { get; set; }

        public double X2019 { get; set; }

        public double X2021 { get; set; }
    }
}
