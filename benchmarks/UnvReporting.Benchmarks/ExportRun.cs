using System.Diagnostics;

namespace UnvReporting.Benchmarks;

/// <summary>
/// Downloads the whole statistics history as one CSV (/export/statistics.csv), counting rows and
/// sampling the app's resident memory (VmRSS) meanwhile: the streaming export must not hold the
/// file in memory however many facts it writes.
/// </summary>
public static class ExportRun
{
    public static async Task<int> RunAsync(Uri url, int pid)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        var before = ResidentKilobytes(pid);
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentKilobytes(pid));
                try
                {
                    await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        long rows = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        var buffer = new byte[81920];
        using (var answer = await http.GetAsync("/export/statistics.csv", HttpCompletionOption.ResponseHeadersRead))
        {
            answer.EnsureSuccessStatusCode();
            await using var body = await answer.Content.ReadAsStreamAsync();
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                rows += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        // The header line is not a fact.
        rows--;

        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await sampler;

        Console.WriteLine($"export_rows={rows}");
        Console.WriteLine($"export_mb={bytes / 1_048_576.0:F1}");
        Console.WriteLine($"export_s={elapsed.TotalSeconds:F2}");
        Console.WriteLine($"export_rows_per_s={rows / elapsed.TotalSeconds:F0}");
        Console.WriteLine($"export_rss_before_mb={before / 1024.0:F0}");
        Console.WriteLine($"export_rss_peak_mb={peak / 1024.0:F0}");
        Console.WriteLine($"export_rss_growth_mb={(peak - before) / 1024.0:F0}");
        return 0;
    }

    private static long ResidentKilobytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }
}
