using System.Diagnostics;
using System.Globalization;
using UnvReporting.Web.Features.Export;
using UnvReporting.Web.Platform.Files;

namespace UnvReporting.Benchmarks.Xlsx;

/// <summary>
/// The product's XLSX writer (<see cref="XlsxExport"/>, SpreadCheetah) against the OpenXmlWriter
/// path it replaced (<see cref="OpenXmlBaseline"/>): the same workbook (the year's table, a notes
/// sheet, a change log of 100 rows) written into a temporary file, as a download is. Each
/// measurement runs in a process of its own, the two writers alternating, so that peak memory
/// belongs to one writer; the ratios of one run matter more than the absolute figures on a
/// shared machine. docs/performance.md has the command and the figures.
/// </summary>
public static class XlsxRun
{
    public const string OpenXml = "openxml";
    public const string SpreadCheetah = "spreadcheetah";

    private const int ChangeLogRows = 100;
    private const int WarmUpRows = 2_000;

    private static readonly double[] NotesWidths = [22, 90, 50, 40, 12];

    private static readonly string[] Keys = ["rows", "seconds", "rows_per_s", "cpu_seconds", "rows_per_cpu_s", "allocated_mb", "allocated_bytes_per_row", "peak_ws_mb", "file_kb"];

    /// <summary>Runs <paramref name="rounds"/> rounds of both writers, alternating which goes first, and prints a Markdown table.</summary>
    public static async Task<int> CompareAsync(string sheet, int rows, int repeat, int rounds)
    {
        var results = new List<(string Writer, Dictionary<string, double> Values)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var writer in round % 2 == 0 ? new[] { OpenXml, SpreadCheetah } : [SpreadCheetah, OpenXml])
            {
                var values = await RunChildAsync(writer, sheet, rows, repeat);
                Console.Error.WriteLine($"xlsx: round {round + 1} {writer}: {string.Join(" ", Keys.Select(k => $"{k}={values[k]:0.##}"))}");
                results.Add((writer, values));
            }
        }

        Console.WriteLine($"{sheet} sheet, {rows:N0} rows × {repeat} workbook(s) a process, {rounds} round(s), medians:");
        Console.WriteLine();
        Console.WriteLine("| writer | rows/s | rows per CPU second | allocated MB | allocated bytes/row | peak working set MB | file KB |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var medians = new Dictionary<string, Dictionary<string, double>>();
        foreach (var writer in new[] { OpenXml, SpreadCheetah })
        {
            medians[writer] = Keys.ToDictionary(k => k, k => Median(results.Where(r => r.Writer == writer).Select(r => r.Values[k])));
            var m = medians[writer];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {writer} | {m["rows_per_s"]:N0} | {m["rows_per_cpu_s"]:N0} | {m["allocated_mb"]:N1} | {m["allocated_bytes_per_row"]:N0} | {m["peak_ws_mb"]:N0} | {m["file_kb"]:N0} |"));
        }

        var (o, s) = (medians[OpenXml], medians[SpreadCheetah]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| spreadcheetah ÷ openxml | {s["rows_per_s"] / o["rows_per_s"]:0.0}× | {s["rows_per_cpu_s"] / o["rows_per_cpu_s"]:0.0}× | {s["allocated_mb"] / o["allocated_mb"]:0.00}× | | {s["peak_ws_mb"] / o["peak_ws_mb"]:0.00}× | {s["file_kb"] / o["file_kb"]:0.00}× |"));
        return 0;
    }

    /// <summary>One measurement in this process: a small workbook first (so that JIT is not counted), then the measured ones.</summary>
    public static async Task<int> OnceAsync(string writer, string sheet, int rows, int repeat)
    {
        if (writer is not (OpenXml or SpreadCheetah))
        {
            throw new ArgumentException($"--writer is {OpenXml} or {SpreadCheetah}.");
        }

        await WriteAsync(writer, sheet, WarmUpRows);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        // Processor time as well as the clock: on a busy shared machine the clock also counts waiting for a core.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < repeat; i++)
        {
            bytes = await WriteAsync(writer, sheet, rows);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var total = (double)rows * repeat;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={total}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={seconds:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows_per_s={total / seconds:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu_seconds={cpuSeconds:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows_per_cpu_s={total / cpuSeconds:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated_mb={allocated / 1_048_576.0:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated_bytes_per_row={allocated / total:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_ws_mb={Status("VmHWM") / 1024.0:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file_kb={bytes / 1024.0:F0}"));
        return 0;
    }

    private static async Task<long> WriteAsync(string writer, string sheet, int rows)
    {
        var columns = LargestYear.Columns(sheet);
        var name = LargestYear.Year.ToString(CultureInfo.InvariantCulture);
        if (writer == OpenXml)
        {
            using var baseline = new OpenXmlBaseline();
            await baseline.AddTableAsync(name, columns, LargestYear.RowsAsync(sheet, rows), CancellationToken.None);
            baseline.AddTextSheet(ExportNotes.NotesSheet, NotesWidths, LargestYear.NotesRows());
            await baseline.AddTableAsync(ExportNotes.ChangeLogSheet, ExportNotes.ChangeLogColumns, LargestYear.ChangeLogRows(ChangeLogRows), CancellationToken.None);
            return baseline.Close();
        }

        // The same kind of temporary file as XlsxExport.StartAsync makes for a download.
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "unv-bench-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var xlsx = await XlsxExport.StartAsync(file, CancellationToken.None))
        {
            await xlsx.AddTableAsync(name, columns, rows, LargestYear.RowsAsync(sheet, rows), CancellationToken.None);
            await xlsx.AddTextSheetAsync(ExportNotes.NotesSheet, NotesWidths, LargestYear.NotesRows(), CancellationToken.None);
            await xlsx.AddTableAsync(ExportNotes.ChangeLogSheet, ExportNotes.ChangeLogColumns, ChangeLogRows, LargestYear.ChangeLogRows(ChangeLogRows), CancellationToken.None);
            await xlsx.FinishAsync(CancellationToken.None);
        }

        return file.Length;
    }

    private static async Task<Dictionary<string, double>> RunChildAsync(string writer, string sheet, int rows, int repeat)
    {
        // The tool runs as "dotnet UnvReporting.Benchmarks.dll" from run.sh, or as its own executable.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(XlsxRun).Assembly.Location);
        }

        foreach (var argument in new[] { "xlsx-once", "--writer", writer, "--sheet", sheet, "--rows", rows.ToString(CultureInfo.InvariantCulture), "--repeat", repeat.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // The app runs with the server garbage collector (the web SDK's default), and published
        // ReadyToRun, so its code is optimised from the first request. The measurements do the
        // same: everything compiled optimised at once, rather than the JIT's first tier, which on
        // a busy machine stayed in use for seconds and made either writer look several times slower.
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_TieredCompilation"] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The measurement process did not start.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {writer} measurement failed (exit code {child.ExitCode}).");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Linux's peak resident size (VmHWM) starts again from the current size, so the warm-up does not count.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Older kernels: the peak then includes the warm-up, which is small.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No {field} in /proc/self/status.");
    }
}
