using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Statistics;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

/// <summary>
/// The SQL of the year table (with its previous years) and the statistics reads, pinned per provider in
/// <c>SqlBaselines/</c>. The pages' speed was bought with the shape of these queries (one
/// projected query, lists as one parameter, the visibility chosen in C#; docs/performance.md);
/// a change to their SQL must be seen in review, not found in the next benchmark. After an
/// intended change, <c>UNV_UPDATE_SQL_BASELINES=1</c> rewrites the files and the diff shows it.
/// </summary>
public class SqlBaselineTests
{
    private const string UpdateVariable = "UNV_UPDATE_SQL_BASELINES";

    [Theory, BothProviders]
    public async Task The_year_table_and_statistics_queries_send_the_pinned_sql(DatabaseProvider provider)
    {
        var recorder = new SqlRecorder();
        await using var app = await TestApp.StartAsync(provider, configureServices: s => s.AddSingleton<IInterceptor>(recorder));
        var recorded = new StringBuilder();

        foreach (var visibility in Enum.GetValues<YearVisibility>())
        {
            await RecordAsync(app, recorder, recorded, $"year table, {visibility}", (db, ct) => db.LoadYearTableAsync(2021, ct, visibility));
            await RecordAsync(app, recorder, recorded, $"previous years of a year table, {visibility}", (db, ct) => db.LoadPreviousYearsAsync(2021, ct, visibility));
            await RecordAsync(app, recorder, recorded, $"indicator history, {visibility}", (db, ct) => db.LoadIndicatorHistoryAsync("1.2", ct, visibility));
            await RecordAsync(app, recorder, recorded, $"statistics of a year, {visibility}", (db, ct) => db.StatisticsOfYearAsync(2021, visibility, ct));
            await RecordAsync(app, recorder, recorded, $"statistics of years, {visibility}", (db, ct) => db.StatisticsOfYearsAsync([2021, 2019], visibility, ct));
            await RecordAsync(app, recorder, recorded, $"drawn statistics of years, {visibility}", (db, ct) => db.StatisticsOfYearsAsync([2021, 2020], YearFigures.Drawn, visibility, ct));
            await RecordAsync(app, recorder, recorded, $"statistics of a metric, {visibility}", (db, ct) => db.StatisticsOfMetricAsync(YearFigures.Drawn[0], visibility, ct));
        }

        ShouldMatchBaseline(provider, recorded.ToString());
    }

    private static async Task RecordAsync<T>(TestApp app, SqlRecorder recorder, StringBuilder recorded, string name, Func<UnvDbContext, CancellationToken, Task<T>> query)
    {
        await using var scope = app.CreateDbScope();
        var commands = await recorder.RecordAsync(() => query(scope.Db, CancellationToken.None));
        commands.ShouldNotBeEmpty(name);
        recorded.Append("-- ").Append(name).Append('\n');
        foreach (var command in commands)
        {
            recorded.Append(command.TrimEnd()).Append(";\n\n");
        }
    }

    private static void ShouldMatchBaseline(DatabaseProvider provider, string sql)
    {
        var path = Path.Combine(RepositoryFiles.Root, "tests", "UnvReporting.Web.Tests", "Platform", "Data", "SqlBaselines", $"{provider.ToString().ToLowerInvariant()}.sql");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, sql);
            return;
        }

        File.Exists(path).ShouldBeTrue($"No SQL baseline at {path}: run the test with {UpdateVariable}=1 to write it.");
        sql.ShouldBe(
            File.ReadAllText(path).ReplaceLineEndings("\n"),
            $"The SQL of these queries changed. If that is intended, run the test with {UpdateVariable}=1, look at the diff of {path} and commit it (docs/performance.md).");
    }
}
