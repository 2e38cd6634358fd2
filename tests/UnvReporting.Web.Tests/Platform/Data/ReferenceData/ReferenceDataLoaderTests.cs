using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Statistics;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Platform.Data.ReferenceData;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data.ReferenceData;

public class ReferenceDataLoaderTests
{
    private static readonly ReferenceDataFile File = ReferenceDataFile.Read();

    [Theory, BothProviders]
    public async Task Loads_as_many_rows_per_year_as_the_file_holds(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        var indicatorYears = await scope.Db.IndicatorYears.GroupBy(y => y.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync();
        var facts = await scope.Db.StatisticFacts.GroupBy(f => f.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync();

        indicatorYears.OrderBy(y => y.Year).Select(y => (y.Year, y.Count)).ShouldBe([(2019, 14), (2021, 14)]);
        facts.OrderBy(f => f.Year).Select(f => (f.Year, f.Count))
            .ShouldBe(File.Statistics.GroupBy(s => s.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
        (await scope.Db.ReportingYears.CountAsync()).ShouldBe(2);
        (await scope.Db.Frameworks.CountAsync()).ShouldBe(2);
        (await scope.Db.Indicators.CountAsync()).ShouldBe(14);
        (await scope.Db.ResultAreas.CountAsync()).ShouldBe(7);
        (await scope.Db.CumulativeAchievements.CountAsync()).ShouldBe(6);
        (await scope.Db.FrameworkAmbitions.CountAsync()).ShouldBe(10);
        (await scope.Db.Metrics.CountAsync()).ShouldBe(File.Metrics.Count);
        (await scope.Db.DimensionMembers.CountAsync()).ShouldBe(File.Dimensions.Sum(d => d.Members.Count));
    }

    [Theory, BothProviders]
    public async Task Stores_every_indicator_year_exactly_as_the_file_gives_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();
        var stored = await scope.Db.IndicatorYears.AsNoTracking().Include(y => y.Indicator).ToListAsync();

        foreach (var year in File.ReportingYears)
        {
            foreach (var row in year.Indicators)
            {
                var actual = stored.Single(s => s.Year == year.Year && s.Indicator.Key == IndicatorKey.Normalize(row.Code));
                var because = $"{year.Year} {row.Code}";
                actual.CodeAsPublished.ShouldBe(row.Code, because);
                actual.Definition.ShouldBe(new IndicatorDefinition(row.TitleEn, row.TitleZh, row.Unit, row.Cumulative, row.Direction), because);
                actual.Milestone.ShouldBe(row.Milestone, because);
                actual.Result.ShouldBe(row.Result, because);
                actual.PublishedScorePercent.ShouldBe(row.PublishedScore, because);
                actual.PublishedRating.ShouldBe(row.PublishedRating, because);
                actual.PublishedRatingBasis.ShouldBe(row.RatingBasis, because);
                actual.Source.ToString().ShouldBe(row.Source, because);
                actual.NarrativeEn.ShouldBe(row.NarrativeEn, because);
                actual.NarrativeZh.ShouldBe(row.NarrativeZh, because);
                actual.Note.ShouldBe(row.Note, because);
            }
        }
    }

    [Theory, BothProviders]
    public async Task Stores_every_statistic_exactly_as_the_file_gives_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();
        var stored = await scope.Db.StatisticFacts.AsNoTracking().ToListAsync();

        stored.Count.ShouldBe(File.Statistics.Count);
        foreach (var entry in File.Statistics)
        {
            var actual = stored.Single(f => f.Year == entry.Year && f.MetricKey == entry.Metric && f.Dimension == entry.Dimension && f.Member == entry.Member);
            var because = $"{entry.Year} {entry.Metric} {entry.Member}";
            actual.Value.ShouldBe(entry.Value, because);
            actual.Qualifier.ShouldBe(entry.Qualifier, because);
            actual.Source.ToString().ShouldBe(entry.Source, because);
            actual.Note.ShouldBe(entry.Note, because);
        }
    }

    [Theory, BothProviders]
    public async Task Keeps_figures_that_need_decimals_and_large_amounts_exact(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        decimal Value(int year, string metric) =>
            scope.Db.StatisticFacts.Single(f => f.Year == year && f.MetricKey == metric && f.Dimension == null).Value;

        Value(2018, "average_assignment_months").ShouldBe(7.6m);
        Value(2021, "financial_value_growth").ShouldBe(13.7m);
        Value(2019, "financial_value_usd").ShouldBe(221_300_000m);
        Value(2021, "local_volunteers_mobilized_cumulative").ShouldBe(1_663_729m);
    }

    [Theory, BothProviders]
    public async Task Keeps_the_framework_structure_and_the_stated_summaries(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        var output = await scope.Db.ResultAreas.Include(a => a.Parent).SingleAsync(a => a.Code == "2.1");
        output.Parent!.Code.ShouldBe("2");
        var indicator = await scope.Db.Indicators.Include(i => i.Area).SingleAsync(i => i.Key == "2.1.2b");
        indicator.Area.Code.ShouldBe("2.1");

        var years = await scope.Db.ReportingYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync();
        years[0].StatedSummary.ShouldBe(new(9, 5, 0, 0, "para 3"));
        years[1].StatedSummary.ShouldBe(new(11, 2, 1, null, "para 3"));

        var midTerm = await scope.Db.CumulativeAchievements.Include(c => c.Indicator).SingleAsync(c => c.Indicator.Key == "1.2");
        (midTerm.FromYear, midTerm.ToYear, midTerm.PercentOfTarget).ShouldBe((2018, 2019, 253));
    }

    [Theory, BothProviders]
    public async Task A_second_start_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        string before;
        await using (var scope = app.CreateDbScope())
        {
            before = await DatabaseSnapshot.TakeAsync(scope.Db);
        }

        await using var restarted = app.StartAnotherOnSameDatabase();
        await using var after = restarted.CreateDbScope();

        (await DatabaseSnapshot.TakeAsync(after.Db)).ShouldBe(before);
    }

    [Theory, BothProviders]
    public async Task Data_already_in_the_database_is_never_overwritten(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.CreateDbScope())
        {
            var row = await scope.Db.IndicatorYears.SingleAsync(y => y.Year == 2019 && y.CodeAsPublished == "1.1");
            row.SetFigures(45, 54);
            scope.Db.StatisticFacts.Remove(await scope.Db.StatisticFacts.SingleAsync(f => f.Year == 2019 && f.MetricKey == "volunteers_deployed" && f.Dimension == null));
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        await using var restarted = app.StartAnotherOnSameDatabase();
        await using var after = restarted.CreateDbScope();

        (await after.Db.IndicatorYears.SingleAsync(y => y.Year == 2019 && y.CodeAsPublished == "1.1")).Result.ShouldBe(54m);
        (await after.Db.StatisticFacts.CountAsync(f => f.Year == 2019 && f.MetricKey == "volunteers_deployed" && f.Dimension == null)).ShouldBe(0);
        (await after.Db.StatisticFacts.CountAsync()).ShouldBe(File.Statistics.Count - 1);
    }

    [Theory, BothProviders]
    public async Task Records_which_file_was_loaded_and_warns_when_a_later_file_differs(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.CreateDbScope())
        {
            var load = await scope.Db.ReferenceDataLoads.SingleAsync();
            load.Sha256.ShouldBe(File.Sha256);
            load.Sha256.Length.ShouldBe(64);

            // As if the database had been filled from an earlier edition of the file.
            var earlierEdition = new string('0', 64);
            await scope.Db.Database.ExecuteSqlAsync($"UPDATE \"ReferenceDataLoads\" SET \"Sha256\" = {earlierEdition}");
        }

        await using var restarted = app.StartAnotherOnSameDatabase();
        await using var after = restarted.CreateDbScope();

        (await after.Db.ReferenceDataLoads.CountAsync()).ShouldBe(1);
        var log = LogFile.ReadLines(app.Database.DataFolder);
        log.ShouldContain(l => l.Contains("[WRN]", StringComparison.Ordinal)
            && l.Contains($"reference data file shipped with this version ({File.Sha256}) differs", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Two_instances_starting_together_on_an_empty_database_load_it_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new UnvAppFactory(database);
        await using var second = new UnvAppFactory(database);

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        await using var scope = first.CreateDbScope();
        (await scope.Db.Frameworks.CountAsync()).ShouldBe(2);
        (await scope.Db.IndicatorYears.CountAsync()).ShouldBe(28);
        (await scope.Db.StatisticFacts.CountAsync()).ShouldBe(File.Statistics.Count);
        (await scope.Db.ReferenceDataLoads.CountAsync()).ShouldBe(1);
    }

    [Theory, BothProviders]
    public async Task A_file_with_a_broken_reference_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Database:LoadReferenceData"] = "false" });
        var broken = File with
        {
            Statistics = [.. File.Statistics, new StatisticEntry(2021, "no_such_metric", null, null, 1, Qualifier.Exact, "DP/2022/24 para 1", null)],
        };

        await using var scope = app.CreateDbScope();
        var loader = ActivatorUtilities.CreateInstance<ReferenceDataLoader>(app.Factory.Services, scope.Db);
        var error = await Should.ThrowAsync<InvalidDataException>(() => loader.LoadAsync(broken, CancellationToken.None));

        error.Message.ShouldContain("'no_such_metric' is not defined");
        scope.Db.ChangeTracker.Clear();
        (await scope.Db.Frameworks.CountAsync()).ShouldBe(0);
        (await scope.Db.SourceDocuments.CountAsync()).ShouldBe(0);
        (await scope.Db.Metrics.CountAsync()).ShouldBe(0);
        (await scope.Db.StatisticFacts.CountAsync()).ShouldBe(0);
    }
}
