using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Statistics;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

/// <summary>
/// Pages and API read with a fixed number of SQL commands, however many years, indicators and
/// figures the database holds: no query per row (IndicatorQueries).
/// </summary>
public class QueryCountTests
{
    private const int MostCommandsPerRequest = 6;

    private static readonly string[] Paths =
    [
        "/",
        "/indicators/2019",
        "/indicators/2021/1.2",
        "/api/v1/years",
        "/api/v1/years/2021/summary",
        "/api/v1/years/2021/indicators",
        "/api/v1/years/2021/indicators/1.2",
        "/api/v1/indicators/1.2",
        "/statistics/2021",
        "/statistics/2021?handler=Csv&chart=entities",
        "/statistics/trends",
        "/statistics/compare?a=2019&b=2021",
    ];

    private static readonly Dictionary<string, string> OutputCacheOff = new() { ["Performance:OutputCache"] = "false" };

    private static readonly string[] Keys =
        ["1.1", "1.2", "1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1", "2.2", "2.1.1a", "2.1.1b", "2.1.2a", "2.1.2b", "2.2.1", "2.2.2"];

    [Theory, BothProviders]
    public async Task Each_request_runs_the_same_few_commands_however_much_data_there_is(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        // The queries behind each answer, not the output cache in front of it (PublishedCacheTests).
        await using var app = await TestApp.StartAsync(
            provider, OutputCacheOff, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        var before = new Dictionary<string, int>();
        foreach (var path in Paths)
        {
            before[path] = await CountCommandsAsync(app.Client, counter, path);
        }

        await using (var scope = app.CreateDbScope())
        {
            await AddThirtyTwoYearsAndTenIndicatorsAsync(scope.Db);
        }

        var after = new Dictionary<string, int>();
        foreach (var path in Paths)
        {
            after[path] = await CountCommandsAsync(app.Client, counter, path);
        }

        after.ShouldBe(before);
        after.ShouldAllBe(p => p.Value >= 1 && p.Value <= MostCommandsPerRequest);
        (await app.Client.GetJsonAsync("/api/v1/years")).GetArrayLength().ShouldBe(34, "the requests read the added years");
        (await app.Client.GetJsonAsync("/api/v1/years/2021/indicators")).GetArrayLength().ShouldBe(24);
        (await app.Client.GetJsonAsync("/api/v1/indicators/1.2")).GetProperty("years").GetArrayLength().ShouldBe(34);
    }

    /// <summary>The commands of one request, after a first request has warmed up the model and the query cache.</summary>
    private static async Task<int> CountCommandsAsync(HttpClient client, CommandCounter counter, string path)
    {
        using (var warmUp = await client.GetAsync(path))
        {
            ((int)warmUp.StatusCode).ShouldBe(200, path);
        }

        counter.Reset();
        using var response = await client.GetAsync(path);
        ((int)response.StatusCode).ShouldBe(200, path);
        return counter.Count;
    }

    /// <summary>
    /// Published 2018 and 2020 in the reference framework, ten more indicators in 2019 and 2021,
    /// and three earlier frameworks of ten published years each with the same fourteen keys, so
    /// that indicator 1.2 has 34 years; one statistic per added year.
    /// </summary>
    private static async Task AddThirtyTwoYearsAndTenIndicatorsAsync(UnvDbContext db)
    {
        var metric = new Metric("query_count_test", Unit.Count, "Test figure", "测试数据", "A figure added by the query count test.");
        db.Metrics.Add(metric);

        var reference = await db.Frameworks.SingleAsync(f => f.Code == "2018-2021");
        var referenceIndicators = await db.Indicators.Where(i => i.FrameworkId == reference.Id).ToListAsync();
        AddPublishedYears(db, reference, [2018, 2020], referenceIndicators, metric);

        var outcome3 = new ResultArea(reference.Id, "3", ResultAreaKind.Outcome, null, "Outcome three", "成果三", 50);
        var extra = Enumerable.Range(1, 10).Select(n => new Indicator(reference.Id, $"3.{n}", outcome3, n)).ToList();
        db.Indicators.AddRange(extra);
        foreach (var year in new[] { 2019, 2021 })
        {
            db.IndicatorYears.AddRange(extra.Select(i => Figures(i, year)));
        }

        foreach (var start in new[] { 1980, 1990, 2000 })
        {
            var framework = new StrategicFramework(start, start + 9, $"DP/{start - 1}/1", RatingBands.Default);
            db.Frameworks.Add(framework);
            await db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
            AddPublishedYears(db, framework, Enumerable.Range(start, 10), AddIndicators(db, framework), metric);
        }

        await db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
    }

    private static List<Indicator> AddIndicators(UnvDbContext db, StrategicFramework framework)
    {
        var areas = new Dictionary<string, ResultArea>();
        foreach (var outcome in new[] { "1", "2" })
        {
            areas[outcome] = new ResultArea(framework.Id, outcome, ResultAreaKind.Outcome, null, $"Outcome {outcome}", $"成果{outcome}", int.Parse(outcome, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var output in new[] { $"{outcome}.1", $"{outcome}.2" })
            {
                areas[output] = new ResultArea(framework.Id, output, ResultAreaKind.Output, areas[outcome], $"Output {output}", $"产出{output}", 10);
            }
        }

        var indicators = Keys
            .Select((key, order) => new Indicator(framework.Id, key, areas[key.Count(c => c == '.') == 1 ? key[..1] : key[..3]], order))
            .ToList();
        db.Indicators.AddRange(indicators);
        return indicators;
    }

    private static void AddPublishedYears(UnvDbContext db, StrategicFramework framework, IEnumerable<int> years, List<Indicator> indicators, Metric metric)
    {
        foreach (var year in years)
        {
            db.ReportingYears.Add(new ReportingYear(framework, year, ReportingStatus.Published, $"DP/{year + 1}/1", null));
            db.IndicatorYears.AddRange(indicators.Select(i => Figures(i, year)));
            db.StatisticFacts.Add(new StatisticFact(year, metric, null, year, Qualifier.Exact, Source(year), null));
        }
    }

    private static IndicatorYear Figures(Indicator indicator, int year) =>
        new(indicator, year, indicator.Key,
            new IndicatorDefinition($"Indicator {indicator.Key} in {year}", $"{year}年指标{indicator.Key}", Unit.Count, false, Direction.HigherIsBetter),
            100, 40 + (year + indicator.SortOrder) % 80, Source(year));

    private static SourceReference Source(int year) => new($"DP/{year + 1}/1", "table");
}
