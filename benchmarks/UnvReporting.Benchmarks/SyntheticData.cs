using System.Diagnostics;
using System.Globalization;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Statistics;

namespace UnvReporting.Benchmarks;

/// <summary>What to generate. The defaults are issue 6's scale.</summary>
public sealed record Scale(int FirstYear = 2026, int Years = 50, int FrameworkYears = 5, int Indicators = 500, long Facts = 1_000_000)
{
    /// <summary>Members of the synthetic breakdown; facts of a year are metrics × members.</summary>
    public const int Members = 1000;

    /// <summary>Enough synthetic metrics for the import benchmark's 50,000 new facts in any year.</summary>
    public const int MinMetrics = 100;

    public const string Dimension = "bench_member";
    public const string Source = "DP/BENCH/1";

    public int LastYear => FirstYear + Years - 1;

    public static string MetricKey(int number) => $"bench_metric_{number:D3}";

    public static string MemberKey(int number) => $"m{number:D4}";
}

/// <summary>
/// Adds the synthetic data set to a migrated database that already holds the reference data:
/// frameworks of <see cref="Scale.FrameworkYears"/> years from 2026, after the reference frameworks
/// (the domain takes years from 1970, too few before 2018 for fifty), each with two outcomes, ten outputs and its indicators; every indicator
/// has a milestone and a result in every year, and every year is published. The statistic facts
/// are spread evenly over the synthetic years: each year repeats the breakdowns the reference data
/// uses (so the statistics pages draw their charts) and fills up with synthetic metrics.
/// </summary>
public static class SyntheticData
{
    private static readonly string[] Outcomes = ["1", "2"];
    private const int OutputsPerOutcome = 5;

    public static async Task GenerateAsync(BulkTarget target, Scale scale, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        if (await target.ScalarAsync($"SELECT COUNT(*) FROM \"ReportingYears\" WHERE \"Year\" BETWEEN {scale.FirstYear} AND {scale.LastYear}") > 0)
        {
            throw new InvalidOperationException($"The database already has reporting years in {scale.FirstYear}-{scale.LastYear}: generate into a freshly migrated database.");
        }

        await WriteSourceAsync(target);
        await WriteFrameworksAsync(target, scale);
        log.WriteLine($"generate: {scale.Years} years, {scale.Years * scale.Indicators:N0} indicator-years in {clock.Elapsed.TotalSeconds:F1} s");

        var facts = await WriteStatisticsAsync(target, scale);
        log.WriteLine($"generate: {facts:N0} statistic facts in {clock.Elapsed.TotalSeconds:F1} s");

        await target.CommitAsync();
        foreach (var table in new[] { "Frameworks", "ResultAreas", "Indicators", "IndicatorYears", "StatisticFacts" })
        {
            await target.ResetIdentityAsync(table);
        }

        await target.AnalyzeAsync();
        log.WriteLine($"generate: done in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task WriteSourceAsync(BulkTarget target)
    {
        await using var sources = await target.TableAsync("SourceDocuments", "Symbol", "TitleEn", "TitleZh", "Session", "Edition");
        await sources.WriteAsync(Scale.Source, "Synthetic benchmark data (not a UNV report)", "合成基准数据", "none", "en");
    }

    private static async Task WriteFrameworksAsync(BulkTarget target, Scale scale)
    {
        var random = new Random(6);
        var frameworkId = (int)await target.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Frameworks\"");
        var areaId = (int)await target.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"ResultAreas\"");
        var indicatorId = (int)await target.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Indicators\"");
        var perOutput = (scale.Indicators + (Outcomes.Length * OutputsPerOutcome) - 1) / (Outcomes.Length * OutputsPerOutcome);

        // The parents are small: collected first, then written one table at a time in foreign-key order.
        var frameworks = new List<object?[]>();
        var years = new List<object?[]>();
        var areas = new List<object?[]>();
        var indicators = new List<object?[]>();
        var indicatorRows = new List<(int Id, string Key, int Start, int End)>();
        for (var start = scale.FirstYear; start <= scale.LastYear; start += scale.FrameworkYears)
        {
            var end = Math.Min(start + scale.FrameworkYears - 1, scale.LastYear);
            var framework = ++frameworkId;
            frameworks.Add([framework, $"{start}-{end}", start, end, Scale.Source, 100, 60]);
            for (var year = start; year <= end; year++)
            {
                years.Add([year, framework, nameof(ReportingStatus.Published), Scale.Source]);
            }

            var sort = 0;
            var made = 0;
            foreach (var outcome in Outcomes)
            {
                var outcomeId = ++areaId;
                areas.Add([outcomeId, framework, outcome, nameof(ResultAreaKind.Outcome), null, $"Synthetic outcome {outcome} of {start}-{end}", $"合成成果 {outcome}", sort++]);
                for (var output = 1; output <= OutputsPerOutcome; output++)
                {
                    var outputId = ++areaId;
                    var code = $"{outcome}.{output}";
                    areas.Add([outputId, framework, code, nameof(ResultAreaKind.Output), outcomeId, $"Synthetic output {code}", $"合成产出 {code}", sort++]);
                    for (var n = 1; n <= perOutput && made < scale.Indicators; n++, made++)
                    {
                        var key = $"{code}.{n}";
                        indicators.Add([++indicatorId, framework, key, outputId, made]);
                        indicatorRows.Add((indicatorId, key, start, end));
                    }
                }
            }
        }

        await WriteAllAsync(target, frameworks, "Frameworks", "Id", "Code", "StartYear", "EndYear", "DocumentSymbol", "GreenFrom", "YellowFrom");
        await WriteAllAsync(target, years, "ReportingYears", "Year", "FrameworkId", "Status", "DocumentSymbol");
        await WriteAllAsync(target, areas, "ResultAreas", "Id", "FrameworkId", "Code", "Kind", "ParentId", "TitleEn", "TitleZh", "SortOrder");
        await WriteAllAsync(target, indicators, "Indicators", "Id", "FrameworkId", "Key", "AreaId", "SortOrder");

        await using var indicatorYears = await target.TableAsync(
            "IndicatorYears",
            "IndicatorId", "Year", "CodeAsPublished", "Milestone", "Result", "NarrativeEn", "Direction", "IsCumulative", "TitleEn", "TitleZh", "Unit", "SourceDocument", "SourceLocator");
        foreach (var (id, key, start, end) in indicatorRows)
        {
            // A mix of shares and counts, a few lower-is-better, and some results missing, as in the reports.
            var percent = id % 3 != 0;
            var lowerIsBetter = id % 10 == 0;
            for (var year = start; year <= end; year++)
            {
                var milestone = percent ? random.Next(20, 90) : random.Next(100, 50_000);
                decimal? result = random.Next(20) == 0 ? null : percent ? random.Next(0, 101) : random.Next(0, 60_000);
                await indicatorYears.WriteAsync(
                    id, year, key, (decimal)milestone, result, $"Synthetic narrative of indicator {key} in {year}.",
                    lowerIsBetter ? nameof(Direction.LowerIsBetter) : nameof(Direction.HigherIsBetter), false,
                    $"Synthetic indicator {key}: {(percent ? "share of something" : "number of something")}", $"合成指标 {key}",
                    percent ? nameof(Unit.Percent) : nameof(Unit.Count), Scale.Source, "synthetic table");
            }
        }
    }

    private static async Task<long> WriteStatisticsAsync(BulkTarget target, Scale scale)
    {
        var random = new Random(7);

        // The breakdowns the reference data uses, with their units, so each synthetic year has them all.
        var real = (await target.RowsAsync(
                "SELECT DISTINCT f.\"MetricKey\", f.\"Dimension\", f.\"Member\", m.\"Unit\" FROM \"StatisticFacts\" f JOIN \"Metrics\" m ON m.\"Key\" = f.\"MetricKey\" ORDER BY 1, 2, 3"))
            .Select(r => (Metric: (string)r[0]!, Dimension: (string?)r[1], Member: (string?)r[2], Unit: Enum.Parse<Unit>((string)r[3]!)))
            .ToList();

        // Should the range reach a year the reference data has figures of, those stay as they are.
        var existing = (await target.RowsAsync(
                $"SELECT \"Year\", \"MetricKey\", \"Dimension\", \"Member\" FROM \"StatisticFacts\" WHERE \"Year\" BETWEEN {scale.FirstYear} AND {scale.LastYear}"))
            .Select(r => (Year: Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Metric: (string)r[1]!, Dimension: (string?)r[2], Member: (string?)r[3]))
            .ToHashSet();

        var perYear = scale.Facts / scale.Years;
        var remainder = scale.Facts % scale.Years;
        var fillerMax = Math.Max(0, perYear + 1 - real.Count);
        var metricCount = (int)Math.Max(Scale.MinMetrics, (fillerMax + Scale.Members - 1) / Scale.Members);

        await using (var metrics = await target.TableAsync("Metrics", "Key", "Unit", "NameEn", "NameZh", "DescriptionEn"))
        {
            for (var m = 0; m < metricCount; m++)
            {
                await metrics.WriteAsync(Scale.MetricKey(m), nameof(Unit.Count), $"Synthetic metric {m:D3}", $"合成统计 {m:D3}", "Benchmark data; not a UNV figure.");
            }
        }

        await using (var dimensions = await target.TableAsync("Dimensions", "Key", "NameEn", "NameZh"))
        {
            await dimensions.WriteAsync(Scale.Dimension, "Synthetic breakdown", "合成分组");
        }

        await using (var members = await target.TableAsync("DimensionMembers", "DimensionKey", "Key", "NameEn", "NameZh"))
        {
            for (var m = 0; m < Scale.Members; m++)
            {
                await members.WriteAsync(Scale.Dimension, Scale.MemberKey(m), $"Synthetic member {m:D4}", $"合成成员 {m:D4}");
            }
        }

        long written = 0;
        await using var facts = await target.TableAsync("StatisticFacts", "Year", "MetricKey", "Dimension", "Member", "Value", "Qualifier", "SourceDocument", "SourceLocator");
        for (var year = scale.FirstYear; year <= scale.LastYear; year++)
        {
            var count = perYear + (year - scale.FirstYear < remainder ? 1 : 0);
            var reals = (int)Math.Min(count, real.Count);
            var skipped = 0;
            for (var i = 0; i < reals; i++)
            {
                var (metric, dimension, member, unit) = real[i];
                if (existing.Contains((year, metric, dimension, member)))
                {
                    // Its place is taken by one more synthetic fact below.
                    count++;
                    skipped++;
                    continue;
                }

                await facts.WriteAsync(year, metric, dimension, member, ValueFor(unit, random), nameof(Qualifier.Exact), Scale.Source, "synthetic");
            }

            for (long i = 0; i < count - reals; i++)
            {
                await facts.WriteAsync(
                    year, Scale.MetricKey((int)(i / Scale.Members)), Scale.Dimension, Scale.MemberKey((int)(i % Scale.Members)),
                    (decimal)random.Next(0, 1_000_000), nameof(Qualifier.Exact), Scale.Source, "synthetic");
            }

            written += count - skipped;
        }

        return written;
    }

    private static async Task WriteAllAsync(BulkTarget target, List<object?[]> rows, string table, params string[] columns)
    {
        await using var writer = await target.TableAsync(table, columns);
        foreach (var row in rows)
        {
            await writer.WriteAsync(row);
        }
    }

    /// <summary>A value its unit allows (shares 0-100, changes from -100, no negative counts).</summary>
    private static decimal ValueFor(Unit unit, Random random) => unit switch
    {
        Unit.Percent => random.Next(0, 10_001) / 100m,
        Unit.PercentChange => random.Next(-5_000, 10_001) / 100m,
        Unit.Usd => random.Next(1_000, 1_000_000_000),
        _ => random.Next(1, 100_000),
    };

    public static string Describe(Scale scale) => string.Create(CultureInfo.InvariantCulture,
        $"{scale.Years} years {scale.FirstYear}-{scale.LastYear}, frameworks of {scale.FrameworkYears} years with {scale.Indicators} indicators, {scale.Facts:N0} facts");
}
