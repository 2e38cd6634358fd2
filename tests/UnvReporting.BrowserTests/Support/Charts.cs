using Microsoft.Playwright;

namespace UnvReporting.BrowserTests.Support;

/// <summary>What a Chart.js canvas actually shows: the pixels it painted, counted by colour.</summary>
public static class Charts
{
    /// <summary>
    /// Waits until wwwroot/js/charts.js has drawn the chart (it marks the canvas) and Chart.js has
    /// finished its opening animation, so pixels and screenshots show the final picture.
    /// </summary>
    public static async Task WaitUntilDrawnAsync(IPage page, string canvasSelector)
    {
        await page.WaitForFunctionAsync(
            """
            selector => {
              const canvas = document.querySelector(selector);
              return canvas?.dataset.chartDrawn === "true"
                && canvas.chart !== undefined
                && !window.Chart.animator.running(canvas.chart);
            }
            """,
            canvasSelector,
            new() { Timeout = 10_000 });
    }

    /// <summary>
    /// How many pixels of the chart's plotting area (inside axes, title and legend, whose colour
    /// swatches would count every label) are painted at all, and how many in each rating's colour.
    /// </summary>
    public static async Task<ChartPixels> CountPixelsAsync(IPage page, string canvasSelector)
    {
        var counts = await page.EvaluateAsync<Dictionary<string, int>>(
            """
            selector => {
              const canvas = document.querySelector(selector);
              // The rating colours come from the site palette (css/site.css :root), resolved to RGB
              // by painting each on a one-pixel canvas.
              const style = getComputedStyle(document.documentElement);
              const probe = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
              const rgb = colour => {
                probe.clearRect(0, 0, 1, 1);
                probe.fillStyle = colour;
                probe.fillRect(0, 0, 1, 1);
                return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3)).join(",");
              };
              const ratings = ["green", "yellow", "red", "grey"];
              const wanted = Object.fromEntries(ratings.map(r => [rgb(style.getPropertyValue(`--rating-${r}`).trim()), r]));
              const counts = { painted: 0, green: 0, yellow: 0, red: 0, grey: 0 };
              const area = canvas.chart.chartArea;
              const scale = canvas.chart.currentDevicePixelRatio;
              const pixels = canvas.getContext("2d").getImageData(
                Math.ceil(area.left * scale), Math.ceil(area.top * scale),
                Math.floor((area.right - area.left) * scale), Math.floor((area.bottom - area.top) * scale)).data;
              for (let i = 0; i < pixels.length; i += 4) {
                if (pixels[i + 3] === 0) continue;
                counts.painted++;
                const rating = pixels[i + 3] === 255 ? wanted[`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`] : undefined;
                if (rating) counts[rating]++;
              }
              return counts;
            }
            """,
            canvasSelector);
        return new ChartPixels(counts["painted"], counts["green"], counts["yellow"], counts["red"], counts["grey"]);
    }
}

public sealed record ChartPixels(int Painted, int Green, int Yellow, int Red, int Grey);
